#!/usr/bin/env bash
# Import and export benchmarks (SPEC §11): pebble import of generated Netscape files of 1 000,
# 10 000 and 100 000 bookmarks into an empty SQLite store, against Debian's buku at 1 000 and
# 10 000 and against the floor (the sqlite3 shell's `.import` of the same 100 000 rows as CSV into
# a table with the same columns and unique index); then pebble export of 100 000 in every format.
# The same 10 000 bookmarks are then imported as ActivityStreams and Pinboard JSON and compared per
# item with the Netscape import (the JSON readers must stay within 2x). Reports wall time, CPU time
# and peak RSS (/usr/bin/time -v). Each import is run $RUNS times (default 3; pebble and its
# comparator back to back, since the machine may be shared) and the median wall time is compared.
# BUKU_COUNTS (default "1000 10000") picks the sizes buku is timed at: at 10 000 buku takes minutes.
set -euo pipefail
PEBBLE=${1:?usage: import_export_bench.sh PATH-TO-RELEASE-PEBBLE}
RUNS=${RUNS:-3}
BUKU_COUNTS=${BUKU_COUNTS:-1000 10000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/pebble-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# measure NAME CMD...: runs CMD under /usr/bin/time -v and prints "NAME wall cpu rss"; sets $wall.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr" </dev/null ||
    { echo "$name failed:" >&2; tail -5 "$work/stderr" >&2; return 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time")
  local cpu rss
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time")
  printf '%-34s wall %8.2f s   cpu %8.2f s   peak RSS %7.1f MiB\n' "$name" "$wall" "$cpu" "$rss"
}
# median_of NAME CMD...: runs `measure` $RUNS times (evaluating $PREPARE, when set, before each run
# so every run starts from scratch) and sets $wall to the median wall time.
median_of() {
  local name=$1 run walls=()
  shift
  for run in $(seq "$RUNS"); do
    [ -z "${PREPARE:-}" ] || eval "$PREPARE"
    measure "$name (run $run)" "$@"
    walls+=("$wall")
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
  printf '%-34s median wall %8.2f s\n' "$name" "$wall"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }

for count in 1000 10000 100000; do
  python3 "$here/../support/generate_netscape.py" "$count" 1 >"$work/b$count.html"
done
echo "files: $(for c in 1000 10000 100000; do printf '%s=%s bytes ' "$c" "$(stat -c %s "$work/b$c.html")"; done)"

echo "== import into an empty SQLite store"
declare -A pebble_wall
for count in 1000 10000 100000; do
  PREPARE="rm -f $work/p$count.db*" median_of "pebble import $count" \
    "$PEBBLE" --no-progress --database "sqlite:$work/p$count.db" --user bench import "$work/b$count.html"
  pebble_wall[$count]=$wall
done
echo "linearity: 100000/10000 time ratio $(ratio "${pebble_wall[100000]}" "${pebble_wall[10000]}") (10 = linear)"

if command -v buku >/dev/null; then
  for count in $BUKU_COUNTS; do
    PREPARE="rm -rf $work/buku$count; mkdir -p $work/buku$count/home $work/buku$count/data" \
      median_of "buku -i $count" env HOME="$work/buku$count/home" XDG_DATA_HOME="$work/buku$count/data" \
      buku --nostdin --tacit -i "$work/b$count.html"
    echo "  pebble is $(ratio "$wall" "${pebble_wall[$count]}")x faster than buku at $count"
  done
else
  echo "buku not installed: skipped (apt-get install buku)"
fi

python3 "$here/netscape_to_csv.py" "$work/b100000.html" >"$work/rows.csv"
cat >"$work/floor.sql" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE bookmarks (owner_id INTEGER NOT NULL, url TEXT NOT NULL, unique_hash TEXT NOT NULL,
  title TEXT NOT NULL, description TEXT, feed_url TEXT, private INTEGER NOT NULL, to_read INTEGER NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE UNIQUE INDEX bookmarks_owner_hash ON bookmarks (owner_id, unique_hash);
CREATE INDEX bookmarks_owner_created ON bookmarks (owner_id, created_at);
.import --csv $work/rows.csv bookmarks
SQL
PREPARE="rm -f $work/floor.db*" median_of "sqlite3 .import 100000 (floor)" sqlite3 "$work/floor.db" ".read $work/floor.sql"
echo "  pebble import 100000 is $(ratio "${pebble_wall[100000]}" "$wall")x the sqlite3 floor"

echo "== import readers per item: the same 10 000 bookmarks as ActivityStreams and Pinboard JSON"
"$PEBBLE" -q --no-progress --database "sqlite:$work/p10000.db" --user bench export --format activitystreams \
  -o "$work/b10000.json"
python3 "$here/activitystreams_to_pinboard.py" "$work/b10000.json" >"$work/b10000.pinboard.json"
for format in activitystreams pinboard; do
  file=$work/b10000.json
  [ "$format" = activitystreams ] || file=$work/b10000.pinboard.json
  PREPARE="rm -f $work/f$format.db*" median_of "pebble import $format 10000" \
    "$PEBBLE" --no-progress --database "sqlite:$work/f$format.db" --user bench import --format "$format" "$file"
  echo "  $format takes $(ratio "$wall" "${pebble_wall[10000]}")x the Netscape reader's time per item (target <= 2)"
done

echo "== export of 100 000 bookmarks"
for format in netscape activitystreams opml markdown; do
  measure "pebble export $format" "$PEBBLE" --no-progress --database "sqlite:$work/p100000.db" --user bench \
    export --format "$format" -o "$work/export.$format"
done
