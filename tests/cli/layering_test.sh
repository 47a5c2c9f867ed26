#!/usr/bin/env bash
# The dependency ladder of DESIGN.md: each third-party library stays inside its one room, driver
# headers inside their one implementation, nlohmann out of public headers, layers in order.
source "$(dirname "$0")/lib.sh"
cd "$PEBBLE_SOURCE_DIR"

# only_in HEADER_REGEX ROOM_REGEX: only files whose path matches ROOM_REGEX include <HEADER>.
only_in() {
  local offenders
  offenders=$(grep -rlE "#include <$1>" src commands | grep -vE "$2" || true)
  [ -z "$offenders" ] || fail "<$1> included outside $2: $offenders"
}
# sealed_in HEADER_REGEX ROOM_REGEX: only_in, and a header of the room that includes the library is
# itself included only inside the room, so the driver's types cannot leak out through it.
sealed_in() {
  local header leaks
  only_in "$1" "$2"
  for header in $(grep -rlE "#include <$1>" src --include='*.h' | grep -E "$2" || true); do
    leaks=$(grep -rlF "#include \"${header#src/}\"" src commands | grep -vE "$2" || true)
    [ -z "$leaks" ] || fail "${header#src/} includes <$1> and is included outside $2: $leaks"
  done
}
# Each third-party library in its one room (DESIGN "Dependency ladder").
sealed_in 'sqlite3\.h' '^src/store/sqlite_'
sealed_in 'libpq-fe\.h' '^src/store/postgres_'
sealed_in 'curl/curl\.h' '^src/http/(curl_|push_client)'
# libmicrohttpd: the one engine behind http_server.h; zlib: the response compressor next to it.
sealed_in 'microhttpd\.h' '^src/http_server/mhd_engine\.cpp$'
sealed_in 'zlib\.h' '^src/http_server/gzip_body\.cpp$'
# nettle: SHA-256; dlopen: the module loader.
sealed_in 'nettle/[a-z0-9]+\.h' '^src/support/sha256\.cpp$'
sealed_in 'dlfcn\.h' '^src/support/module_loader\.cpp$'
# gumbo: the HTML5 parser behind html/ (sanitizer, documents); its headers there are std-only.
sealed_in 'gumbo\.h' '^src/html/'
# tinyxml2: the feed parsers and the OPML reader, the two XML formats.
sealed_in 'tinyxml2\.h' '^src/(parse/|formats/opml_reader\.cpp$)'
# prometheus-cpp: metrics/. Its MetricFamily is the value metrics/ hands out (exposition, text
# format, table), so metrics' headers may carry it; outside, metrics/metric_family.h names it.
only_in 'prometheus/[a-z_/]+\.h' '^src/metrics/'
only_in 'CLI/[A-Za-z_]+\.hpp' '^commands/'
# A check that cannot see its library would pass for ever: each must find its includes.
for library in 'sqlite3\.h' 'libpq-fe\.h' 'curl/curl\.h' 'microhttpd\.h' 'zlib\.h' 'nettle/' 'dlfcn\.h' 'gumbo\.h' 'tinyxml2\.h' 'prometheus/' 'CLI/'; do
  grep -rqE "#include <$library" src commands || fail "no file includes <$library>: is the check still right?"
done

# nlohmann::json stays out of public headers except where the value IS JSON. Each header below
# says why; a new one needs a reason here (or a small struct instead of a json carrier).
declare -A json_headers=(
  # the --json line of each feed and the job_runs.summary object (SPEC §6)
  [src/poll/poll_report.h]=1
  # the --json line of each unfurled page and the job_runs.summary object of unfurl
  [src/unfurl/unfurl_report.h]=1
  # the import summary printed by --json and stored in job_runs.summary (SPEC §4)
  [src/bookmarks/import_report.h]=1
  # a SAX reader of JSON documents: its handler receives json values by design
  [src/formats/json_collection.h]=1
  # job_runs.summary, written as JSON by every batch command (SPEC §8)
  [src/batch/batch_job.h]=1
  # test-metrics' import and export steps, members of its job_runs.summary JSON (SPEC §9)
  [commands/test_metrics_bookmarks.h]=1
  # test-metrics' unfurl step, a member of its job_runs.summary JSON
  [commands/test_metrics_unfurl.h]=1
  # the --json lines of the listing commands (feeds list, items, bookmarks list)
  [commands/listing.h]=1
  # the job_runs.summary of the store-changing commands (feeds, items, bookmarks)
  [commands/write_outcome.h]=1
)
while IFS= read -r header; do
  [ -n "${json_headers[$header]:-}" ] || fail "$header includes <nlohmann/json.hpp>: pass a struct, or add it with a reason to json_headers"
done < <(grep -rlE '#include <nlohmann/json\.hpp>' src commands --include='*.h' || true)
for header in "${!json_headers[@]}"; do
  grep -qE '#include <nlohmann/json\.hpp>' "$header" 2>/dev/null || fail "$header no longer includes nlohmann: drop it from json_headers"
done

# The store interface is store.h and the role headers it assembles, which may include each other.
store_interface='store/(store|roles|bookmark_store|feed_store|item_store|job_store|metric_store|subscription_store|transaction_store|unfurl_store)\.h'
for header in src/store/store.h src/store/roles.h \
  src/store/{bookmark,feed,item,job,metric,subscription,transaction,unfurl}_store.h src/store/search_text.h \
  src/http/http_client.h; do
  [ -f "$header" ] || continue
  non_std=$(grep -E '^#include' "$header" | grep -vE '#include <[a-z_]+>' | grep -vE '"(domain|support)/' |
    grep -vE "\"$store_interface\"" || true)
  [ -z "$non_std" ] || fail "$header must include only the standard library and vocabulary types: $non_std"
done

# Each layer includes only from the layers before it.
declare -A allowed=(
  [support]="support"
  [domain]="support domain"
  [config]="support domain config"
  [store]="support domain store"
  [http]="support domain http"
  [formats]="support domain formats"
  [metrics]="support domain config store metrics"
  [http_server]="support domain http_server"
  [html]="support domain html"
  [parse]="support domain html parse"
  [poll]="support domain config store http metrics parse poll"
  [server]="support domain config store http http_server metrics server"
  [bookmarks]="support domain config store formats metrics bookmarks"
  [batch]="support domain config store http metrics batch"
  # unfurling fetches pages as polls fetch feeds, reads them through html/ and parse/ (a page that is
  # a feed), and checks validators as poll/ does
  [unfurl]="support domain config store http html parse metrics poll unfurl"
  # subscribing fetches and stores a feed as a poll does, so feeds sits above poll; a page's feeds
  # are read by unfurl/
  [feeds]="support domain config store http formats metrics parse poll unfurl feeds"
)
for dir in src/*/; do
  layer=$(basename "$dir")
  [ -n "${allowed[$layer]:-}" ] || fail "src/$layer/ is a folder the ladder does not know: add it to allowed"
done
for layer in "${!allowed[@]}"; do
  [ -d "src/$layer" ] || fail "src/$layer/ is in the ladder but does not exist"
  while IFS= read -r line; do
    file=${line%%:*}
    included=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    [[ " ${allowed[$layer]} " == *" $included "* ]] || fail "$file includes $included/ (layer $layer may use: ${allowed[$layer]})"
  done < <(grep -rHE '#include "[a-z_]+/' "src/$layer" || true)
done

finish
