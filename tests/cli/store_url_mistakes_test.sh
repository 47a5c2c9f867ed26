#!/usr/bin/env bash
# Mistakes in --database and --user that used to pass silently: `metrics-show` on a typo'd SQLite
# path created an empty store and printed zeros; a libpq keyword string (`host=… password=…`) opened
# a SQLite file named after the password; an invalid-UTF-8 --user reached /metrics, where Prometheus
# rejects the whole scrape over one bad byte.
source "$(dirname "$0")/lib.sh"

# --- read-only commands refuse a SQLite file that does not exist ---
missing="$work/no/such/dir/typo.db"
for command in metrics-show export; do
  run --database "sqlite:$missing" "$command"
  expect_status 1 "$command on a missing SQLite file"
  expect_equals "$err" "pebble $command: SQLite database $missing does not exist (only commands that add data create one)" "$command names the file"
done
run --database "sqlite:$work/typo.db" serve --listen 127.0.0.1:0
expect_status 1 "serve on a missing SQLite file"
expect_equals "$err" "pebble serve: SQLite database $work/typo.db does not exist (only commands that add data create one)" "serve names the file"
[ ! -e "$work/typo.db" ] || fail "no file was created"
[ ! -e "$work/no" ] || fail "no folder was created"
run --database "sqlite:$work/store.db" import --format netscape /dev/null
run --database "sqlite:$work/store.db" metrics-show --format text pebble_bookmarks
expect_status 0 "an existing store is read"

# --- a libpq keyword string is a usage error, not a file ---
cd "$work"
run --database "host=127.0.0.1 password=Pw1 dbname=x" metrics-show
expect_status 2 "a libpq keyword string"
expect_equals "$err" "pebble metrics-show: --database: a libpq keyword string is not a database URL (use postgresql://user@host/db)" "one line, no password"
PEBBLE_DATABASE_URL="dbname=pebble" run poll-feeds
expect_status 2 "a keyword string in PEBBLE_DATABASE_URL"
[ -z "$(ls "$work" | grep -v -e '^home$' -e '^data$' -e '^store.db' -e '^stdout$' -e '^stderr$')" ] || fail "no file named after the string: $(ls "$work")"

# A file name with '=' is still a file when it says so.
run --database "sqlite:$work/a=b.db" poll-feeds
expect_status 0 "sqlite:a=b.db is a file"
[ -e "$work/a=b.db" ] || fail "sqlite:…/a=b.db creates that file"

# --- an invalid-UTF-8 --user ---
run --database "sqlite:$work/store.db" --user "$(printf 'bad\xff')" export
expect_status 2 "an invalid-UTF-8 --user"
expect_equals "$err" "pebble export: --user: the user name is not valid UTF-8" "one line naming the flag"
printf '<DL><DT><A HREF="https://example.com/u">u</A></DL>' >"$work/one.html"
run --database "sqlite:$work/store.db" --user bad import --format netscape "$work/one.html"
expect_status 0 "a bookmark of user 'bad'"
# A name stored before the check (or by another tool) with an invalid byte.
sqlite3 "$work/store.db" "UPDATE users SET username = CAST(X'626164FF' AS TEXT) WHERE username = 'bad'"
run --database "sqlite:$work/store.db" metrics-show --format text
expect_status 0 "metrics-show with a stored invalid-UTF-8 name"
expect_contains "$out" 'user="bad'$'\xef\xbf\xbd''"' "the invalid byte is shown as U+FFFD"
printf '%s' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || fail "the exposition is not valid UTF-8"
finish
