# bash completion for followup-lint (installed to share/bash-completion/completions).
_followup_lint() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    -f|--format) COMPREPLY=($(compgen -W "text json sarif github" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning note" -- "$cur")); return ;;
    --kind) COMPREPLY=($(compgen -W "thank-you status-inquiry rejection-reply" -- "$cur")); return ;;
    --explain|--select|--ignore)
      COMPREPLY=($(compgen -W "$(followup-lint --list-rules 2>/dev/null | awk '{print $1}')" -- "$cur")); return ;;
    -c|--config|--show-config|--dump-sections|-o|--output-file|--stdin-filename)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--port|--context) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "--format --config --kind --context --template --select --ignore --fix --unsafe-fixes
      --diff --dry-run --statistics --stdin-filename --output-file --exit-zero --force-exclude --follow-links --color --fail-on
      --jobs --quiet --explain --list-rules --show-config --dump-sections --lsp --port --open --version --help" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _followup_lint followup-lint
