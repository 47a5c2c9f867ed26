#!/usr/bin/env bash
# The man pages, completions and README cannot drift from `pebble --help`: every subcommand (and
# subcommand of a subcommand), flag and environment variable the binary names must appear in each of
# them, and groff must render every man page without a single warning.
source "$(dirname "$0")/lib.sh"
cd "$PEBBLE_SOURCE_DIR"
command -v groff >/dev/null || { echo "SKIPPED: groff is not installed" >&2; [ "${CI:-}" = "true" ] && exit 1; exit 77; }

# Flags (long and short) in a help text, one per line.
flags_of() { grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' <<<"$1" | sed -E 's/^[ ,]//' | sort -u; }
# Subcommand names listed under "Subcommands:".
subcommands_of() { awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' <<<"$1"; }
# Environment variables named as [env: A, B].
env_vars_of() { grep -oE '\[env: [A-Z_, ]+\]' <<<"$1" | grep -oE '[A-Z][A-Z_]+' | grep -v '^env$' | sort -u; }
# A roff page as plain text ("\-" is a literal hyphen in roff).
man_text() { sed -E 's/\\-/-/g; s/\\f[BIRP]//g' "$1"; }

check_flag_everywhere() {  # check_flag_everywhere FLAG MAN_PAGE
  local flag=$1 page=$2
  [ "$flag" = "-h" ] || [ "$flag" = "--help" ] && return 0
  grep -qE -- "(^|[^A-Za-z0-9-])${flag}([^A-Za-z0-9-]|$)" <(man_text "$page") || fail "$page lacks $flag"
  grep -qE -- "(^|[^A-Za-z0-9-])${flag}([^A-Za-z0-9-]|$)" completions/pebble.bash || fail "completions/pebble.bash lacks $flag"
  grep -qE -- "(^|[^A-Za-z0-9-])${flag}([^A-Za-z0-9-]|$)" completions/_pebble || fail "completions/_pebble lacks $flag"
  if [[ $flag == --* ]]; then
    grep -qE -- "-l ${flag#--}( |$)" completions/pebble.fish || fail "completions/pebble.fish lacks -l ${flag#--}"
  else
    grep -qE -- "-s ${flag#-}( |$)" completions/pebble.fish || fail "completions/pebble.fish lacks -s ${flag#-}"
  fi
  grep -qF -- "$flag" README.md || fail "README.md lacks $flag"
}

# What the completions offer after `pebble WORDS... -`, one candidate per line. A flag can be named
# in a completion file (say, in a value case) and still not be offered, so this runs them.
# bash-completion's helpers are stubbed: the check needs no package.
bash_offers() {
  bash -c '_init_completion() { words=(pebble "${line[@]}" "$current"); cword=$((${#words[@]} - 1)); cur=$current; prev=${words[cword - 1]}; }
    _filedir() { :; }; __ltrim_colon_completions() { :; }
    source completions/pebble.bash
    current=$1; shift; line=("$@"); _pebble; printf "%s\n" "${COMPREPLY[@]}"' _ "$@"
}
fish_offers() { fish -c 'source completions/pebble.fish; complete -C "pebble $argv -"' "$@" | cut -f1; }
check_offered() {  # check_offered "WORDS" FLAG...: every FLAG is offered after `pebble WORDS -`
  local words=$1 flag bash_list fish_list=""
  shift
  bash_list=$(bash_offers - $words) || fail "completions/pebble.bash fails after 'pebble $words'"
  if command -v fish >/dev/null; then
    fish_list=$(fish_offers $words) || fail "completions/pebble.fish fails after 'pebble $words'"
  fi
  for flag in "$@"; do
    [ "$flag" = "-h" ] || [ "$flag" = "--help" ] && continue
    grep -qxF -- "$flag" <<<"$bash_list" || fail "completions/pebble.bash does not offer $flag after 'pebble $words'"
    if command -v fish >/dev/null; then
      grep -qxF -- "$flag" <<<"$fish_list" || fail "completions/pebble.fish does not offer $flag after 'pebble $words'"
    fi
  done
}

run --help
main_help=$out
check_offered "" $(flags_of "$main_help")
for sub in $(subcommands_of "$main_help"); do
  grep -qxF -- "$sub" <(bash_offers "") || fail "completions/pebble.bash does not offer the subcommand $sub"
done
[ -f man/pebble.1 ] || fail "man/pebble.1 is missing"
for flag in $(flags_of "$main_help"); do check_flag_everywhere "$flag" man/pebble.1; done
for var in $(env_vars_of "$main_help"); do
  grep -qF "$var" <(man_text man/pebble.1) || fail "man/pebble.1 lacks $var"
  grep -qF "$var" README.md || fail "README.md lacks $var"
done

for sub in $(subcommands_of "$main_help"); do
  page=man/pebble-$sub.1
  [ -f "$page" ] || { fail "$page is missing"; continue; }
  grep -qE -- "pebble-$sub|pebble $sub" <(man_text man/pebble.1) || fail "man/pebble.1 does not mention $sub"
  for file in completions/pebble.bash completions/_pebble completions/pebble.fish README.md; do
    grep -qw -- "$sub" "$file" || fail "$file does not mention the subcommand $sub"
  done
  run "$sub" --help
  expect_status 0 "pebble $sub --help"
  sub_help=$out
  sub_flags=$(flags_of "$(awk '/^Options:/{on=1} /^Subcommands:/{on=0} on' <<<"$sub_help")")
  for flag in $sub_flags; do
    grep -qF -- "$flag" <<<"$main_help" && continue  # a global option, checked above
    check_flag_everywhere "$flag" "$page"
  done
  check_offered "$sub" $sub_flags
  for var in $(env_vars_of "$sub_help"); do
    grep -qF "$var" <(man_text "$page") || fail "$page lacks $var"
  done
  # A subcommand's own subcommands (feeds list, items mark-read): offered, documented on its page.
  for nested in $(subcommands_of "$sub_help"); do
    grep -qxF -- "$nested" <(bash_offers "" "$sub") || fail "completions/pebble.bash does not offer $nested after 'pebble $sub'"
    grep -qw -- "$nested" <(man_text "$page") || fail "$page does not mention $sub $nested"
    for file in completions/_pebble completions/pebble.fish README.md; do
      grep -qw -- "$nested" "$file" || fail "$file does not mention $sub $nested"
    done
    run "$sub" "$nested" --help
    expect_status 0 "pebble $sub $nested --help"
    nested_flags=$(flags_of "$(awk '/^Options:/{on=1} on' <<<"$out")")
    for flag in $nested_flags; do
      grep -qF -- "$flag" <<<"$main_help" && continue
      check_flag_everywhere "$flag" "$page"
    done
    check_offered "$sub $nested" $nested_flags
  done
done

for page in man/*.1; do
  warnings=$(groff -man -ww -z "$page" 2>&1 || true)
  [ -z "$warnings" ] || fail "groff warns on $page: $warnings"
done

bash -n completions/pebble.bash || fail "completions/pebble.bash is not valid bash"
if command -v zsh >/dev/null; then zsh -n completions/_pebble || fail "completions/_pebble is not valid zsh"; fi
if command -v fish >/dev/null; then fish -n completions/pebble.fish || fail "completions/pebble.fish is not valid fish"; fi

finish
