#!/usr/bin/env bash
# `export -o FILE` over an existing 0600 file used to leave it 0644 (the temporary file got the
# umask's mode): a private export became world-readable. Replacing a file keeps its mode.
source "$(dirname "$0")/lib.sh"
export PEBBLE_DATABASE_URL="sqlite:$work/store.db" PEBBLE_USER=mode
printf '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://mode.example/">m</A></DL>\n' >"$work/in.html"
run import "$work/in.html"
expect_status 0 "import"

umask 022
: >"$work/private.html"
chmod 0600 "$work/private.html"
run export -o "$work/private.html"
expect_status 0 "export over a 0600 file"
expect_equals "$(stat -c %a "$work/private.html")" 600 "the 0600 file stays 0600"
expect_contains "$(cat "$work/private.html")" "https://mode.example/" "the file was replaced"

chmod 0640 "$work/private.html"
run export -o "$work/private.html"
expect_equals "$(stat -c %a "$work/private.html")" 640 "a 0640 file stays 0640"

run export -o "$work/new.md"
expect_status 0 "export to a new file"
expect_equals "$(stat -c %a "$work/new.md")" 644 "a new file gets the umask's mode"

finish
