-- followup-lint for Neovim: attaches `followup-lint --lsp` to drafts.
--
-- Put this file on your runtimepath as lua/followup-lint.lua (or copy its
-- body into init.lua) and call:
--
--   require('followup-lint').setup({
--     filetypes = { 'text', 'markdown', 'mail' },  -- buffers to lint
--     cmd = { 'followup-lint', '--lsp' },          -- or an absolute path, plus e.g. '--kind', 'thank-you'
--   })
--
-- Neovim 0.8+ uses vim.lsp.start (one client per root folder, reused across
-- buffers). Neovim 0.7 has no vim.lsp.start, so the same set-up falls back to
-- vim.lsp.start_client + vim.lsp.buf_attach_client.
local M = {}

local defaults = {
  name = 'followup-lint',
  cmd = { 'followup-lint', '--lsp' },
  filetypes = { 'text', 'markdown', 'mail' },
  -- The folder holding the nearest .followup-lint.toml is the root; without
  -- one, the draft's own folder.
  root_markers = { '.followup-lint.toml', '.git' },
}

local function root_dir(config, bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git$', '')
    end
  end
  return dir
end

-- Neovim 0.7: one client per root, started once and attached to each buffer.
local clients_07 = {}
local function attach_07(config, bufnr, root)
  local id = clients_07[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client({ name = config.name, cmd = config.cmd, root_dir = root })
    if not id then
      vim.notify('followup-lint: cannot start ' .. table.concat(config.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    clients_07[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

function M.setup(opts)
  local config = vim.tbl_deep_extend('force', defaults, opts or {})
  if vim.fn.executable(config.cmd[1]) ~= 1 then
    vim.notify('followup-lint: ' .. config.cmd[1] .. ' is not on PATH', vim.log.levels.WARN)
    return
  end
  local group = vim.api.nvim_create_augroup('followup_lint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      local root = root_dir(config, args.buf)
      if vim.lsp.start then
        vim.lsp.start({ name = config.name, cmd = config.cmd, root_dir = root }, { bufnr = args.buf })
      else
        attach_07(config, args.buf, root)
      end
    end,
  })
end

return M
