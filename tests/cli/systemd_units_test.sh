#!/usr/bin/env bash
# contrib/systemd and contrib/cron: the units parse, carry the hardening an operator expects, and
# pass `systemd-analyze verify` (and `security`) where systemd-analyze exists; the cron file is a
# valid /etc/cron.d entry that locks with flock -n and pushes; the environment file names only
# variables pebble reads.
source "$(dirname "$0")/lib.sh"
contrib="$PEBBLE_SOURCE_DIR/contrib"
units=(pebble-serve.service pebble-poll-feeds.service pebble-poll-feeds.timer)

# INI as systemd reads it: [Section] headers and Key=Value lines (keys may repeat); prints
# "Section.Key=Value" per line, or fails naming the first line that is neither.
ini_entries() {
  python3 - "$1" <<'PY'
import re, sys
section = None
for number, line in enumerate(open(sys.argv[1], encoding="ascii"), 1):
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith(("#", ";")):
        continue
    header = re.fullmatch(r"\[([A-Za-z]+)\]", line)
    if header:
        section = header.group(1)
        continue
    entry = re.fullmatch(r"([A-Z][A-Za-z]+)=(.*)", line)
    if not entry or section is None:
        sys.exit(f"{sys.argv[1]}:{number}: not a Key=Value line inside a section: {line}")
    print(f"{section}.{entry.group(1)}={entry.group(2)}")
PY
}

expect_entry() {  # expect_entry UNIT ENTRY-REGEX
  grep -qE "^$2\$" <<<"${entries[$1]}" || fail "$1 lacks $2"
}

declare -A entries
for unit in "${units[@]}"; do
  file="$contrib/systemd/$unit"
  [ -f "$file" ] || { fail "contrib/systemd/$unit is missing"; continue; }
  entries[$unit]=$(ini_entries "$file") || fail "$unit does not parse as INI"
done

for unit in pebble-serve.service pebble-poll-feeds.service; do
  for entry in 'Service\.DynamicUser=yes' 'Service\.User=pebble' 'Service\.StateDirectory=pebble' \
      'Service\.ProtectSystem=strict' 'Service\.ProtectHome=yes' 'Service\.NoNewPrivileges=yes' \
      'Service\.PrivateTmp=yes' 'Service\.RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6' \
      'Service\.SystemCallFilter=@system-service' 'Service\.CapabilityBoundingSet=' \
      'Service\.EnvironmentFile=-/etc/default/pebble' \
      'Service\.Environment=PEBBLE_DATABASE_URL=sqlite:/var/lib/pebble/pebble\.db' \
      'Unit\.Description=.+' 'Unit\.After=network-online\.target.*'; do
    expect_entry "$unit" "$entry"
  done
done
expect_entry pebble-serve.service 'Service\.ExecStart=/usr/bin/pebble serve'
expect_entry pebble-serve.service 'Service\.Restart=on-failure'
expect_entry pebble-serve.service 'Install\.WantedBy=multi-user\.target'
expect_entry pebble-poll-feeds.service 'Service\.Type=oneshot'
expect_entry pebble-poll-feeds.service 'Service\.ExecStart=/usr/bin/pebble poll-feeds'
expect_entry pebble-poll-feeds.service 'Service\.SuccessExitStatus=3'
grep -q '^Install\.' <<<"${entries[pebble-poll-feeds.service]}" &&
  fail "pebble-poll-feeds.service must be started by its timer, not enabled on its own"
expect_entry pebble-poll-feeds.timer 'Timer\.OnCalendar=\*:0/5'
expect_entry pebble-poll-feeds.timer 'Timer\.RandomizedDelaySec=[0-9]+'
expect_entry pebble-poll-feeds.timer 'Timer\.Persistent=true'
expect_entry pebble-poll-feeds.timer 'Install\.WantedBy=timers\.target'

# The environment file: comments and VAR=value only, and every variable one pebble documents.
default_file="$contrib/systemd/pebble.default"
while IFS= read -r line; do
  [[ -z $line || $line =~ ^#\  || $line == "#" ]] && continue
  [[ $line =~ ^#?([A-Z][A-Z_]*)=[^\ ]+$ ]] || { fail "pebble.default: not VAR=value: $line"; continue; }
  grep -qF "\`${BASH_REMATCH[1]}\`" "$PEBBLE_SOURCE_DIR/README.md" ||
    fail "pebble.default names ${BASH_REMATCH[1]}, which the README does not document"
done <"$default_file"

# The cron file: variables, then five time fields, a user and a command per job.
cron="$contrib/cron/pebble.cron"
jobs=0
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  [[ $line =~ ^[A-Z_]+=[^\ ]+$ ]] && continue
  read -r -a fields <<<"$line"
  for field in "${fields[@]:0:5}"; do
    [[ $field =~ ^(\*|[0-9]+(-[0-9]+)?)(/[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]] || fail "pebble.cron: bad time field '$field' in: $line"
  done
  [ "${fields[5]:-}" = pebble ] || fail "pebble.cron: jobs run as user pebble: $line"
  [ "${#fields[@]}" -ge 7 ] || fail "pebble.cron: no command in: $line"
  jobs=$((jobs + 1))
done <"$cron"
[ "$jobs" -ge 1 ] || fail "pebble.cron has no job"
grep -qE '^\*/5 +\* +\* +\* +\* +pebble +flock -n [^ ]+ pebble( -q)? poll-feeds' "$cron" ||
  fail "pebble.cron: poll-feeds every 5 minutes under flock -n"
grep -qE '^PEBBLE_PUSHGATEWAY_URL=http' "$cron" || fail "pebble.cron sets PEBBLE_PUSHGATEWAY_URL"
grep -qE '^PEBBLE_DATABASE_URL=' "$cron" || fail "pebble.cron sets PEBBLE_DATABASE_URL"

# systemd's own checks, on copies whose ExecStart is the built binary (verify wants it to exist)
# and with pebble's man pages on MANPATH (verify checks the Documentation= references).
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$work/units" "$work/man/man1"
  cp "$PEBBLE_SOURCE_DIR"/man/*.1 "$work/man/man1/"
  for unit in "${units[@]}"; do
    sed "s|/usr/bin/pebble|$PEBBLE_BIN|" "$contrib/systemd/$unit" >"$work/units/$unit"
  done
  if ! verify_output=$(cd "$work/units" && MANPATH="$work/man" systemd-analyze verify "${units[@]}" 2>&1); then
    fail "systemd-analyze verify failed: $verify_output"
  fi
  [ -z "$verify_output" ] || fail "systemd-analyze verify printed findings: $verify_output"
  for unit in pebble-serve.service pebble-poll-feeds.service; do
    security=$(systemd-analyze security --offline=yes --threshold=20 "$work/units/$unit" 2>&1) ||
      fail "$unit: systemd-analyze security exposure above 2.0: $(tail -n 1 <<<"$security")"
  done
else
  echo "systemd-analyze is not installed: skipping systemd-analyze verify/security (INI and key checks ran)" >&2
fi

finish
