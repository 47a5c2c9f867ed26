# fish completion for pebble; kept honest by tests/cli/docs_test.sh.
set -l pebble_subcommands import export

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

# import
complete -c pebble -n "not __fish_seen_subcommand_from $pebble_subcommands" -a import -d 'Load bookmarks from a file'
complete -c pebble -n "__fish_seen_subcommand_from import" -F
complete -c pebble -n "__fish_seen_subcommand_from import" -l format -x -a 'auto netscape activitystreams opml pinboard' -d 'Input format'
complete -c pebble -n "__fish_seen_subcommand_from import" -l duplicates -x -a 'skip overwrite merge' -d 'Existing bookmarks'
complete -c pebble -n "__fish_seen_subcommand_from import export" -l tag -x -d 'Tag (repeatable)'
complete -c pebble -n "__fish_seen_subcommand_from import" -l folder-tags -d 'Folder names become tags'
complete -c pebble -n "__fish_seen_subcommand_from import" -l dry-run -d 'Report, write nothing'
complete -c pebble -n "__fish_seen_subcommand_from import" -l json -d 'Summary as JSON on stdout'
# export
complete -c pebble -n "not __fish_seen_subcommand_from $pebble_subcommands" -a export -d 'Write bookmarks to a file'
complete -c pebble -n "__fish_seen_subcommand_from export" -s o -l output -r -F -d 'Write to FILE atomically'
complete -c pebble -n "__fish_seen_subcommand_from export" -l format -x -a 'netscape activitystreams opml markdown' -d 'Output format'
complete -c pebble -n "__fish_seen_subcommand_from export" -l since -x -d 'Created since WHEN (7d, 2025-01-01)'
complete -c pebble -n "__fish_seen_subcommand_from export" -l limit -x -d 'Newest N'
complete -c pebble -n "__fish_seen_subcommand_from export" -l pretty -d 'Indented JSON'
