-- Run by nvim_test.cpp in headless Neovim (0.7.2 or later):
--   FOLLOWUP_BINARY=... FOLLOWUP_DRAFT=... FOLLOWUP_OUT=... \
--     nvim --headless -u NONE -i NONE -n -c 'luafile tests/lsp/nvim_diagnostics.lua'
-- Opens the draft, attaches `followup-lint --lsp` with vim.lsp.start_client +
-- vim.lsp.buf_attach_client (0.7 has no vim.lsp.start), waits for
-- diagnostics and writes one line per diagnostic, "<code> <lnum>:<col>"
-- (0-based line, byte column), sorted, to FOLLOWUP_OUT. Exits 0 on success.
local bin = os.getenv('FOLLOWUP_BINARY')
local draft = os.getenv('FOLLOWUP_DRAFT')
local out = os.getenv('FOLLOWUP_OUT')

local function finish(lines, code)
  local f = assert(io.open(out, 'w'))
  f:write(table.concat(lines, '\n') .. '\n')
  f:close()
  if code == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit! ' .. code)
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'followup-lint',
    cmd = { bin, '--lsp' },
    root_dir = vim.fn.fnamemodify(draft, ':p:h'),
  })
  if not client_id then
    finish({ 'ERROR: vim.lsp.start_client failed' }, 2)
    return
  end
  vim.lsp.buf_attach_client(buf, client_id)
  local got = vim.wait(30000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not got then
    finish({ 'ERROR: no diagnostics within 30 s' }, 3)
    return
  end
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(lines, string.format('%s %d:%d', tostring(code), d.lnum, d.col))
  end
  table.sort(lines)
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
  finish(lines, 0)
end)
if not ok then
  finish({ 'ERROR: ' .. tostring(err) }, 4)
end
