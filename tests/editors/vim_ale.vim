" Vim 9 with Debian's vim-ale and editors/vim/followup-lint.vim, driven by
" tests/editors/vim_ale_test.cpp under a pseudo-terminal. Writes to $OUT:
" the findings ALE shows for the draft named on the command line (no edit
" needed), the hover text, any error message, and the findings after the
" config on disk turns cliche.soft-skill off and the draft is edited.
set nocompatible
set runtimepath^=/usr/share/vim-ale
set runtimepath+=/usr/share/vim-ale/after
let g:ale_linters_explicit = 1
let g:ale_hover_to_preview = 1
let g:ale_lint_delay = 50
let g:followup_lint_command = [$FOLLOWUP_BINARY, '--lsp']
let g:ale_linters = {'text': ['followup_lint']}
filetype plugin on
syntax on
runtime plugin/ale.vim
execute 'source ' . $FOLLOWUP_PLUGIN

let s:step = 'diagnostics'
let s:ticks = 0
let s:out = []

function! s:codes() abort
  return map(copy(ale#engine#GetLoclist(bufnr(''))), 'v:val.code . ":" . v:val.lnum . ":" . v:val.col')
endfunction

function! s:preview() abort
  for l:w in range(1, winnr('$'))
    if getwinvar(l:w, '&previewwindow')
      return getbufline(winbufnr(l:w), 1, '$')
    endif
  endfor
  return []
endfunction

function! s:finish() abort
  call writefile(s:out, $OUT)
  qa!
endfunction

function! Step(timer) abort
  let s:ticks += 1
  if s:ticks > 300
    call add(s:out, '--timeout in ' . s:step . '--')
    call s:finish()
  endif
  if s:step ==# 'diagnostics'
    if empty(s:codes()) | return | endif
    let s:out += s:codes()
    let s:draft_window = winnr()
    call cursor(8, 10)
    let v:errmsg = ''
    ALEHover
    let s:step = 'hover'
  elseif s:step ==# 'hover'
    if empty(s:preview()) | return | endif
    let s:out += ['--hover--'] + s:preview() + ['--errmsg--', v:errmsg]
    pclose
    call writefile(['[rules."cliche.soft-skill"]', 'severity = "off"'], $CONFIG)
    call system('touch -d "+10 seconds" ' . shellescape($CONFIG))
    call setline(line('$') + 1, '')
    doautocmd TextChanged
    let s:step = 'reload'
  elseif s:step ==# 'reload'
    let l:codes = s:codes()
    if empty(l:codes) || !empty(filter(copy(l:codes), 'v:val =~# "^cliche"')) | return | endif
    let s:out += ['--after reload--'] + l:codes
    call s:finish()
  endif
endfunction

autocmd VimEnter * call timer_start(100, 'Step', {'repeat': -1})
