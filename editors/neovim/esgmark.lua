-- esgmark in Neovim 0.7 or later, with no plugin: Neovim's own LSP client runs the esgmark language
-- server for Markdown buffers (*.esg.md, and Markdown files with an `esg:` front matter: the server
-- decides). Load it from your init.lua:
--
--   vim.g.esgmark_server = '/path/to/esgmark/dist/server.js'   -- where you cloned and built esgmark
--   dofile('/path/to/esgmark/editors/neovim/esgmark.lua')
--
-- Without vim.g.esgmark_server the server is looked for in the repository this file belongs to.
-- Diagnostics, hover (K), go to definition, code actions (vim.lsp.buf.code_action) and document
-- symbols then work as in any LSP client; Neovim 0.7-0.9 receive pushed diagnostics, and positions are
-- exchanged in UTF-16 (Neovim's default; newer versions negotiate the encoding themselves).
-- This file is run by the test suite (test/protocol/neovim.test.ts) with Debian's neovim 0.7.2.

local here = debug.getinfo(1, 'S').source:sub(2)
local repo = here:match('^(.*)/editors/neovim/[^/]*$') or vim.fn.getcwd()
local server = vim.g.esgmark_server or (repo .. '/dist/server.js')

-- The workspace: the nearest folder above the report that holds .git or .esgmark.yaml, else its own folder.
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs({ '.esgmark.yaml', '.git' }) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found == '' then found = vim.fn.findfile(marker, dir .. ';') end
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h:h') end
  end
  return dir
end

local clients = {}

local function attach(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then return end
  local root = root_of(name)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'esgmark',
      cmd = { 'node', server, '--stdio' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      -- Answers the server's workspace/configuration request for the `esgmark` section (see docs/extension.md).
      settings = { esgmark = vim.g.esgmark_settings or {} },
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args) attach(args.buf) end,
})
