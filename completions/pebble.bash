# bash completion for pebble                                  -*- shell-script -*-
# Kept honest by tests/cli/docs_test.sh, which checks every flag of `pebble --help` is here.
# Adding a subcommand: one line in `subcommand_opts` (its flags) and, for flags that take a value,
# one line in the `case "$sub $prev"` block below. A subcommand of a subcommand ("feeds list") is
# keyed by both words, and its parent lists it in `nested`.

_pebble() {
  local cur prev words cword
  # -n : keeps HOST:PORT in one word for --listen.
  _init_completion -n : || return

  local global_opts="--database --pushgateway --push-required --push-grouping --user -v --verbose -q --quiet
    --log-level --log-format --no-progress --version -h --help"
  # Each subcommand and the flags it adds to the global ones, one subcommand per line.
  local -A subcommand_opts=(
    [test-metrics]="--show-metrics"
    [metrics-show]="--filter --format --url"
    [serve]="--listen --cache-ttl --query-timeout --bearer-token-file --basic-auth-file --threads --tls-cert-file --tls-key-file --max-connections --max-connections-per-ip"
    [import]="--format --duplicates --tag --folder-tags --dry-run --json"
    [export]="-o --output --format --tag --since --limit --pretty --feeds"
    [poll-feeds]="--all --limit --concurrency --per-host --timeout --max-size --max-items --user-agent --dry-run --json"
    [feeds]=""
    ["feeds list"]="--failing --disabled --due --json"
    ["feeds show"]="--json"
    ["feeds add"]="--tag --timeout --all-feeds"
    ["feeds remove"]=""
    ["feeds disable"]="--reason"
    ["feeds enable"]=""
    [items]="--feed --since --limit --search --unread --json"
    ["items mark-read"]="--feed --all"
    ["items mark-unread"]="--feed --all"
    [bookmarks]=""
    ["bookmarks list"]="--tag --search --since --limit --json"
    ["bookmarks add"]="--title --description --tag --no-unfurl"
    ["bookmarks tag"]=""
    ["bookmarks untag"]=""
    ["bookmarks delete"]=""
    [unfurl]="--missing --all --limit --concurrency --per-host --timeout --max-size --user-agent --overwrite --json"
  )
  # The subcommands that have subcommands of their own.
  local -A nested=(
    [feeds]="list show add remove disable enable"
    [items]="mark-read mark-unread"
    [bookmarks]="list add tag untag delete"
  )
  local subcommands="test-metrics metrics-show serve import export poll-feeds feeds items bookmarks unfurl"

  case "$prev" in
    --log-level) COMPREPLY=($(compgen -W "trace debug info warn error critical off" -- "$cur")); return ;;
    --log-format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --database | --pushgateway | --push-grouping | --user) return ;;
    --duplicates) COMPREPLY=($(compgen -W "skip overwrite merge" -- "$cur")); return ;;
    -o | --output) _filedir; return ;;
    --tag | --since | --limit | --search | --feed | --reason | --title | --description) return ;;
  esac

  local sub="" word
  for word in "${words[@]:1:cword-1}"; do
    if [[ -z $sub && " $subcommands " == *" $word "* ]]; then
      sub=$word
    elif [[ -n $sub && -n ${nested[$sub]+set} && " ${nested[$sub]} " == *" $word "* ]]; then
      sub="$sub $word"
      break
    fi
  done

  # Values of subcommand flags, one subcommand per group of lines.
  case "$sub $prev" in
    "metrics-show --format") COMPREPLY=($(compgen -W "table text json" -- "$cur")); return ;;
    "metrics-show --filter" | "metrics-show --url") return ;;
    "serve --listen")
      COMPREPLY=($(compgen -W "127.0.0.1:9466 0.0.0.0:9466 [::1]:9466 [::]:9466" -- "$cur"))
      __ltrim_colon_completions "$cur"
      return
      ;;
    "serve --bearer-token-file" | "serve --basic-auth-file" | "serve --tls-cert-file" | "serve --tls-key-file") _filedir; return ;;
    "serve --cache-ttl" | "serve --query-timeout" | "serve --threads" | "serve --max-connections" | "serve --max-connections-per-ip") return ;;
    "import --format") COMPREPLY=($(compgen -W "auto netscape activitystreams opml pinboard" -- "$cur")); return ;;
    "import --duplicates") COMPREPLY=($(compgen -W "skip overwrite merge" -- "$cur")); return ;;
    "export --format") COMPREPLY=($(compgen -W "netscape activitystreams opml markdown pinboard" -- "$cur")); return ;;
    "feeds add --timeout") return ;;
    "export -o" | "export --output") _filedir; return ;;
    "import --tag" | "export --tag" | "export --since" | "export --limit") return ;;
    "poll-feeds --limit" | "poll-feeds --concurrency" | "poll-feeds --per-host") return ;;
    "poll-feeds --timeout" | "poll-feeds --max-size" | "poll-feeds --max-items" | "poll-feeds --user-agent") return ;;
    "unfurl --limit" | "unfurl --concurrency" | "unfurl --per-host" | "unfurl --timeout" | "unfurl --max-size" | "unfurl --user-agent") return ;;
  esac

  local opts
  if [[ -z $sub ]]; then
    opts="$global_opts $subcommands"
  else
    opts="$global_opts ${subcommand_opts[$sub]} ${nested[$sub]:-}"
  fi
  [[ $sub == import && $cur != -* ]] && _filedir
  COMPREPLY+=($(compgen -W "$opts" -- "$cur"))
}
complete -F _pebble pebble
