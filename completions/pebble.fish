# fish completion for pebble; kept honest by tests/cli/docs_test.sh.
set -l pebble_subcommands poll-feeds

complete -c pebble -f
complete -c pebble -l database -r -d 'Store URL: sqlite:PATH or postgresql://…'
complete -c pebble -l pushgateway -r -d 'Pushgateway base URL'
complete -c pebble -l push-required -d 'Exit 1 when the push fails'
complete -c pebble -l user -r -d 'Owner of imported/exported bookmarks'
complete -c pebble -s v -l verbose -d 'More log output'
complete -c pebble -s q -l quiet -d 'Less log output'
complete -c pebble -l log-level -x -a 'trace debug info warn error critical off' -d 'Log level'
complete -c pebble -l log-format -x -a 'text json' -d 'Log format'
complete -c pebble -l no-progress -d 'No progress bars'
complete -c pebble -l version -d 'Print version and library versions'
complete -c pebble -s h -l help -d 'Print help'

# poll-feeds
complete -c pebble -n "not __fish_seen_subcommand_from $pebble_subcommands" -a poll-feeds -d 'Fetch due feeds and store new items'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l all -d 'Ignore the schedule'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l limit -x -d 'At most N due feeds'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l concurrency -x -d 'Transfers in flight'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l per-host -x -d 'Transfers in flight per host'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l timeout -x -d 'Whole-transfer timeout (s)'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l max-size -x -d 'Decompressed body limit (bytes)'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l user-agent -x -d 'User-Agent header'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l dry-run -d 'Fetch and parse, store nothing'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l json -d 'One JSON object per feed'
