# fish completion for pebble; kept honest by tests/cli/docs_test.sh.
# Adding a subcommand: one `set -a pebble_subcommands` line here and one block at the end (the
# subcommand itself under $pebble_no_subcommand, its flags under __fish_seen_subcommand_from; a
# subcommand of a subcommand under both names).
set -l pebble_subcommands
set -a pebble_subcommands test-metrics
set -a pebble_subcommands metrics-show
set -a pebble_subcommands serve
set -a pebble_subcommands poll-feeds
set -a pebble_subcommands import
set -a pebble_subcommands export
set -a pebble_subcommands feeds
set -a pebble_subcommands items
set -a pebble_subcommands bookmarks
set -a pebble_subcommands unfurl
set -l pebble_no_subcommand "not __fish_seen_subcommand_from $pebble_subcommands"

complete -c pebble -f
complete -c pebble -l database -r -d 'Store URL: sqlite:PATH or postgresql://…'
complete -c pebble -l pushgateway -r -d 'Pushgateway base URL'
complete -c pebble -l push-required -d 'Exit 1 when the push fails'
complete -c pebble -l push-grouping -x -d 'Pushgateway grouping label KEY=VALUE, e.g. instance=web1'
complete -c pebble -l user -r -d 'Owner of imported/exported bookmarks'
complete -c pebble -s v -l verbose -d 'More log output'
complete -c pebble -s q -l quiet -d 'Less log output'
complete -c pebble -l log-level -x -a 'trace debug info warn error critical off' -d 'Log level'
complete -c pebble -l log-format -x -a 'text json' -d 'Log format'
complete -c pebble -l no-progress -d 'No progress bars'
complete -c pebble -l version -d 'Print version and library versions'
complete -c pebble -s h -l help -d 'Print help'

# test-metrics
complete -c pebble -n $pebble_no_subcommand -a test-metrics -d 'Self-test: run the real code paths and record real metrics'
complete -c pebble -n '__fish_seen_subcommand_from test-metrics' -l show-metrics -d 'Print the metrics afterwards'

# metrics-show
complete -c pebble -n $pebble_no_subcommand -a metrics-show -d 'Print the current metrics without a server'
complete -c pebble -n '__fish_seen_subcommand_from metrics-show' -l filter -x -d 'Only families whose name matches this regex'
complete -c pebble -n '__fish_seen_subcommand_from metrics-show' -l format -x -a 'table text json' -d 'Output format'
complete -c pebble -n '__fish_seen_subcommand_from metrics-show' -l url -x -d 'Scrape a running pebble serve or a Pushgateway'

# serve
complete -c pebble -n $pebble_no_subcommand -a serve -d 'Run the Prometheus exporter: /metrics computed from the store'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l listen -x -a '127.0.0.1:9466 :9466 0.0.0.0:9466 [::1]:9466 [::]:9466' -d 'HOST:PORT to listen on'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l cache-ttl -x -d 'Seconds store-derived values are reused'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l query-timeout -x -d 'Seconds before pebble_store_up is 0'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l bearer-token-file -r -F -d 'Require this bearer token on /metrics'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l basic-auth-file -r -F -d 'Require HTTP Basic auth on /metrics'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l threads -x -d 'Worker threads answering requests'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l tls-cert-file -r -F -d 'Serve https with this PEM certificate'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l tls-key-file -r -F -d 'The PEM private key of --tls-cert-file'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l max-connections -x -d 'Connections open at once'
complete -c pebble -n '__fish_seen_subcommand_from serve' -l max-connections-per-ip -x -d 'Connections open at once from one address'

# poll-feeds
complete -c pebble -n $pebble_no_subcommand -a poll-feeds -d 'Fetch due feeds and store new items'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l all -d 'Ignore the schedule'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l limit -x -d 'At most N due feeds'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l concurrency -x -d 'Transfers in flight'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l per-host -x -d 'Transfers in flight per host'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l timeout -x -d 'Whole-transfer timeout (s)'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l max-size -x -d 'Decompressed body limit (bytes)'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l max-items -x -d 'Items taken from one feed per poll'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l user-agent -x -d 'User-Agent header'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l dry-run -d 'Fetch and parse, store nothing'
complete -c pebble -n '__fish_seen_subcommand_from poll-feeds' -l json -d 'One JSON object per feed'

# import
complete -c pebble -n $pebble_no_subcommand -a import -d 'Load bookmarks from a file'
complete -c pebble -n "__fish_seen_subcommand_from import" -F
complete -c pebble -n "__fish_seen_subcommand_from import" -l format -x -a 'auto netscape activitystreams opml pinboard' -d 'Input format'
complete -c pebble -n "__fish_seen_subcommand_from import" -l duplicates -x -a 'skip overwrite merge' -d 'Existing bookmarks'
complete -c pebble -n "__fish_seen_subcommand_from import export" -l tag -x -d 'Tag (repeatable)'
complete -c pebble -n "__fish_seen_subcommand_from import" -l folder-tags -d 'Folder names become tags'
complete -c pebble -n "__fish_seen_subcommand_from import" -l dry-run -d 'Report, write nothing'
complete -c pebble -n "__fish_seen_subcommand_from import" -l json -d 'Summary as JSON on stdout'
# export
complete -c pebble -n $pebble_no_subcommand -a export -d 'Write bookmarks to a file'
complete -c pebble -n "__fish_seen_subcommand_from export" -s o -l output -r -F -d 'Write to FILE atomically'
complete -c pebble -n "__fish_seen_subcommand_from export" -l format -x -a 'netscape activitystreams opml markdown pinboard' -d 'Output format'
complete -c pebble -n "__fish_seen_subcommand_from export" -l since -x -d 'Created since WHEN (7d, 2025-01-01)'
complete -c pebble -n "__fish_seen_subcommand_from export" -l limit -x -d 'Newest N'
complete -c pebble -n "__fish_seen_subcommand_from export" -l pretty -d 'Indented JSON'
complete -c pebble -n "__fish_seen_subcommand_from export" -l feeds -d 'Export the feed subscriptions as OPML'

# feeds: a subcommand of its own first, then its flags
set -l feeds_commands list show add remove disable enable
complete -c pebble -n $pebble_no_subcommand -a feeds -d 'List, show, add, remove, disable and enable feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a list -d 'List the feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a show -d 'Show one feed'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a add -d 'Subscribe to feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a remove -d 'Unsubscribe from feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a disable -d 'Stop polling feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and not __fish_seen_subcommand_from $feeds_commands" -a enable -d 'Poll disabled feeds again'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from list" -l failing -d 'Only failing feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from list" -l disabled -d 'Only disabled feeds'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from list" -l due -d 'Only feeds due for a poll'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from list show" -l json -d 'One JSON object per feed'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from add" -l tag -x -d 'Give the new feeds this tag'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from add" -l timeout -x -d 'Seconds the first fetch may take'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from add" -l all-feeds -d 'Of a page, every feed it announces'
complete -c pebble -n "__fish_seen_subcommand_from feeds; and __fish_seen_subcommand_from disable" -l reason -x -d 'Why, kept in disabled_reason'

# items: lists without a subcommand; mark-read and mark-unread change the read state
complete -c pebble -n $pebble_no_subcommand -a items -d 'List feed items newest first, search them, mark them read'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -a mark-read -d 'Mark items read'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -a mark-unread -d 'Mark items unread'
complete -c pebble -n "__fish_seen_subcommand_from items" -l feed -x -d 'Only (or every item of) this feed'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -l since -x -d 'Dated since WHEN (7d, 2025-01-01)'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -l limit -x -d 'Newest N'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -l search -x -d 'Every word in title, summary or content'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -l unread -d 'Only unread items'
complete -c pebble -n "__fish_seen_subcommand_from items; and not __fish_seen_subcommand_from mark-read mark-unread" -l json -d 'One JSON object per item'
complete -c pebble -n "__fish_seen_subcommand_from items; and __fish_seen_subcommand_from mark-read mark-unread" -l all -d 'Every item'

# bookmarks
set -l bookmarks_commands list add tag untag delete
complete -c pebble -n $pebble_no_subcommand -a bookmarks -d 'List, search, add, tag, untag and delete bookmarks'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and not __fish_seen_subcommand_from $bookmarks_commands" -a list -d 'List bookmarks newest first'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and not __fish_seen_subcommand_from $bookmarks_commands" -a add -d 'Add a bookmark'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and not __fish_seen_subcommand_from $bookmarks_commands" -a tag -d 'Add tags to a bookmark'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and not __fish_seen_subcommand_from $bookmarks_commands" -a untag -d 'Remove tags from a bookmark'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and not __fish_seen_subcommand_from $bookmarks_commands" -a delete -d 'Delete bookmarks'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from list add" -l tag -x -d 'Tag (repeatable)'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from list" -l search -x -d 'Every word in title, description or URL'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from list" -l since -x -d 'Created since WHEN'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from list" -l limit -x -d 'Newest N'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from list" -l json -d 'One JSON object per bookmark'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from add" -l title -x -d 'The title'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from add" -l description -x -d 'The description'
complete -c pebble -n "__fish_seen_subcommand_from bookmarks; and __fish_seen_subcommand_from add" -l no-unfurl -d 'Do not read the page for what is not given'

# unfurl
complete -c pebble -n $pebble_no_subcommand -a unfurl -d 'Read bookmark pages: title, description, image, icon, feeds'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l missing -d 'Bookmarks never unfurled (the default)'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l all -d 'Every bookmark'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l limit -x -d 'At most N bookmarks'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l concurrency -x -d 'Transfers in flight'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l per-host -x -d 'Transfers in flight per host'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l timeout -x -d 'Whole-transfer timeout (s)'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l max-size -x -d 'Bytes of a page read'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l user-agent -x -d 'User-Agent header'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l overwrite -d 'Also refresh the fields an earlier unfurl filled'
complete -c pebble -n '__fish_seen_subcommand_from unfurl' -l json -d 'One JSON object per page'
