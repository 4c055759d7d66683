" followup-lint for Vim: registers `followup-lint --lsp` with vim-lsp
" (https://github.com/prabirshrestha/vim-lsp) or with ALE
" (https://github.com/dense-analysis/ale), whichever is installed.
" Copy to ~/.vim/plugin/followup-lint.vim.

let g:followup_lint_command = get(g:, 'followup_lint_command', ['followup-lint', '--lsp'])
let g:followup_lint_filetypes = get(g:, 'followup_lint_filetypes', ['text', 'markdown', 'mail'])

" The folder of the nearest .followup-lint.toml, else the file's folder.
function! FollowupLintRoot(buffer) abort
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  let l:config = findfile('.followup-lint.toml', l:dir . ';')
  return empty(l:config) ? l:dir : fnamemodify(l:config, ':p:h')
endfunction

if !executable(g:followup_lint_command[0])
  finish
endif

" vim-lsp
augroup followup_lint_vim_lsp
  autocmd!
  autocmd User lsp_setup call lsp#register_server({
        \ 'name': 'followup-lint',
        \ 'cmd': {server_info -> g:followup_lint_command},
        \ 'root_uri': {server_info -> lsp#utils#path_to_uri(FollowupLintRoot(bufnr('%')))},
        \ 'allowlist': g:followup_lint_filetypes,
        \ })
augroup END

" ALE (used when vim-lsp is not installed)
augroup followup_lint_ale
  autocmd!
  autocmd VimEnter * call s:register_ale()
augroup END

function! s:register_ale() abort
  if exists('g:lsp_loaded') || !exists('*ale#linter#Define')
    return
  endif
  for l:filetype in g:followup_lint_filetypes
    call ale#linter#Define(l:filetype, {
          \ 'name': 'followup_lint',
          \ 'lsp': 'stdio',
          \ 'executable': g:followup_lint_command[0],
          \ 'command': join(map(copy(g:followup_lint_command), 'ale#Escape(v:val)')),
          \ 'project_root': function('FollowupLintRoot'),
          \ })
  endfor
  " The files named on the command line were opened before VimEnter, so
  " their lint-on-enter has come and gone: lint them now.
  for l:info in getbufinfo({'bufloaded': 1})
    if index(g:followup_lint_filetypes, getbufvar(l:info.bufnr, '&filetype')) >= 0
      call ale#Queue(0, 'lint_file', l:info.bufnr)
    endif
  endfor
endfunction
