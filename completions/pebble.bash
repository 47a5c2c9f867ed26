# bash completion for pebble                                  -*- shell-script -*-
# Kept honest by tests/cli/docs_test.sh, which checks every flag of `pebble --help` is here.

_pebble() {
  local cur prev words cword
  _init_completion || return

  local global_opts="--database --pushgateway --push-required --user -v --verbose -q --quiet
    --log-level --log-format --no-progress --version -h --help"
  local subcommands=""
  subcommands+=" poll-feeds"

  case "$prev" in
    --log-level) COMPREPLY=($(compgen -W "trace debug info warn error critical off" -- "$cur")); return ;;
    --log-format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --database | --pushgateway | --user) return ;;
  esac

  local sub="" word
  for word in "${words[@]:1:cword-1}"; do
    if [[ " $subcommands " == *" $word "* ]]; then sub=$word; break; fi
  done

  local opts=$global_opts
  case "$sub" in
    "") opts="$global_opts $subcommands" ;;
    poll-feeds) opts="$global_opts --all --limit --concurrency --per-host --timeout --max-size --user-agent --dry-run --json" ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -F _pebble pebble
