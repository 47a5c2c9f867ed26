# Helpers of the serve fault tests (sourced after lib.sh).

# filled_sqlite_store: sets $db to a new SQLite store in $work holding test-metrics' data (5
# bookmarks, 1 user).
filled_sqlite_store() {
  require_command sqlite3
  db="$work/store.db"
  run --database "sqlite:$db" test-metrics
  expect_status 0 "test-metrics fills the store"
}

# Checks over a log of scrapes, one line per request as written by
#   curl -s -o /dev/null -w "LABEL %{http_code} %{time_total}\n" --max-time 5 URL >>LOG

# check_scrape_log LOG MIN_REQUESTS BOUND_SECONDS WHEN: at least MIN_REQUESTS requests, every one
# answered 200 and faster than BOUND_SECONDS; prints a one-line account.
check_scrape_log() {
  local log=$1 minimum=$2 bound=$3 when=$4 requests bad slowest
  requests=$(grep -c '' "$log" || true)
  [ "$requests" -ge "$minimum" ] || fail "$when: only $requests request(s), expected $minimum or more"
  bad=$(awk '$2 != 200' "$log")
  [ -z "$bad" ] || fail "$when: requests not answered 200: $(head -n 5 <<<"$bad")"
  slowest=$(awk '{ if ($3 > max) max = $3 } END { print max + 0 }' "$log")
  awk -v s="$slowest" -v b="$bound" 'BEGIN { exit !(s < b) }' || fail "$when: a request took ${slowest}s (bound $bound s)"
  echo "$when: $requests requests, slowest ${slowest}s"
}
