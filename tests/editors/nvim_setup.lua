-- Run by tests/editors/nvim_setup_test.cpp in headless Neovim 0.7.2 with
-- editors/neovim/followup-lint.lua on the runtimepath, set up as its README
-- says. Writes to $OUT: the codes shown for the draft, the hover text, the
-- line a code action rewrote, and the codes after the config on disk turns
-- cliche.soft-skill off and the draft is edited (Neovim 0.7 reports no file
-- changes, so the server must notice).
local out = {}
local function finish(code)
  local f = assert(io.open(os.getenv('OUT'), 'w'))
  f:write(table.concat(out, '\n') .. '\n')
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(os.getenv('PLUGIN_DIR'))
  vim.cmd('filetype on')
  require('followup-lint').setup({ cmd = { os.getenv('FOLLOWUP_BINARY'), '--lsp' } })
  vim.cmd('edit draft.txt')
  local buf = vim.api.nvim_get_current_buf()
  local function codes()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, 'code ' .. tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)))
    end
    return list
  end
  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    table.insert(out, '--timeout: no diagnostics--')
    return finish(3)
  end
  vim.list_extend(out, codes())

  -- Hover over 'team player' (line 8, 0-based 7).
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 7, character = 9 } }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  for _, reply in pairs(replies or {}) do
    if reply.result then
      table.insert(out, '--hover ' .. reply.result.contents.kind .. '--')
      vim.list_extend(out, vim.split(reply.result.contents.value, '\n'))
      table.insert(out, '--end hover--')
    end
  end

  -- The quick fix for 'Cheers,' (line 12, 0-based 11), applied as the client applies edits.
  local range = { start = { line = 11, character = 0 }, ['end'] = { line = 11, character = 7 } }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction',
    { textDocument = params.textDocument, range = range, context = { diagnostics = {}, only = { 'quickfix' } } }, 10000)
  for _, reply in pairs(actions or {}) do
    for _, action in ipairs(reply.result or {}) do
      if action.title:find('^replace with') then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        table.insert(out, 'fixed line: ' .. vim.api.nvim_buf_get_lines(buf, 11, 12, false)[1])
        break
      end
    end
  end

  -- The config changes on disk; the next edit brings the new settings.
  local config = os.getenv('CONFIG')
  local f = assert(io.open(config, 'w'))
  f:write('[rules."cliche.soft-skill"]\nseverity = "off"\n')
  f:close()
  vim.fn.system({ 'touch', '-d', '+10 seconds', config })
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '' })
  local reloaded = vim.wait(30000, function()
    local list = codes()
    return #list > 0 and not vim.tbl_contains(list, 'code cliche.soft-skill')
  end, 50)
  table.insert(out, reloaded and '--after reload--' or '--timeout: no reload--')
  vim.list_extend(out, codes())
  finish(0)
end)
if not ok then
  table.insert(out, 'ERROR: ' .. tostring(err))
  finish(4)
end
