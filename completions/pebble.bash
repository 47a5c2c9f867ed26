# bash completion for pebble                                  -*- shell-script -*-
# Kept honest by tests/cli/docs_test.sh, which checks every flag of `pebble --help` is here.

_pebble() {
  local cur prev words cword
  _init_completion || return

  local global_opts="--database --pushgateway --push-required --user -v --verbose -q --quiet
    --log-level --log-format --no-progress --version -h --help"
  local subcommands="import export"

  if [[ $prev == --format ]]; then
    local sub_word
    for sub_word in "${words[@]}"; do
      [[ $sub_word == import ]] && { COMPREPLY=($(compgen -W "auto netscape activitystreams opml pinboard" -- "$cur")); return; }
      [[ $sub_word == export ]] && { COMPREPLY=($(compgen -W "netscape activitystreams opml markdown" -- "$cur")); return; }
    done
  fi
  case "$prev" in
    --log-level) COMPREPLY=($(compgen -W "trace debug info warn error critical off" -- "$cur")); return ;;
    --log-format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --database | --pushgateway | --user) return ;;
    --duplicates) COMPREPLY=($(compgen -W "skip overwrite merge" -- "$cur")); return ;;
    -o | --output) _filedir; return ;;
    --tag | --since | --limit) return ;;
  esac

  local sub="" word
  for word in "${words[@]:1:cword-1}"; do
    if [[ " $subcommands " == *" $word "* ]]; then sub=$word; break; fi
  done

  local opts=$global_opts
  case "$sub" in
    "") opts="$global_opts $subcommands" ;;
    import) opts="$global_opts --format --duplicates --tag --folder-tags --dry-run --json"; [[ $cur == -* ]] || _filedir ;;
    export) opts="$global_opts -o --output --format --tag --since --limit --pretty" ;;
  esac
  COMPREPLY+=($(compgen -W "$opts" -- "$cur"))
}
complete -F _pebble pebble
