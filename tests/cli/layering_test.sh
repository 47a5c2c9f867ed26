#!/usr/bin/env bash
# The dependency ladder of DESIGN.md: driver headers stay inside their one implementation.
source "$(dirname "$0")/lib.sh"
cd "$PEBBLE_SOURCE_DIR"

only_in() {  # only_in HEADER_REGEX ALLOWED_PATH_REGEX
  local offenders
  offenders=$(grep -rlE "#include <$1>" src commands | grep -vE "$2" || true)
  [ -z "$offenders" ] || fail "<$1> included outside $2: $offenders"
}
only_in 'sqlite3\.h' '^src/store/sqlite_'
only_in 'libpq-fe\.h' '^src/store/postgres_'
only_in 'curl/curl\.h' '^src/http/(curl_|push_client)'

for header in src/store/store.h src/http/http_client.h; do
  [ -f "$header" ] || continue
  non_std=$(grep -E '^#include' "$header" | grep -vE '#include <[a-z_]+>' | grep -vE '"(domain|support)/' || true)
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
  [parse]="support domain parse"
  [poll]="support domain config store http metrics parse poll"
  [server]="support domain config store http http_server metrics server"
  [bookmarks]="support domain config store formats metrics bookmarks"
  [batch]="support domain config store http metrics batch"
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
