// The documented Neovim configuration (editors/neovim/esgmark.lua), run by a real Neovim, headless:
// it opens a report, Neovim's LSP client starts the server, and the diagnostics arrive where they
// belong. Debian's neovim (0.7.2 in this image; scripts/setup.sh installs it). Skipped, saying so,
// only when `nvim` is not installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, readFixture, requireBuilt } from '../helpers/paths';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const HAVE_NVIM = NVIM.status === 0;
const SKIP = HAVE_NVIM ? false : 'nvim is not installed (Debian: apt-get install neovim; scripts/setup.sh installs it)';

/** Waits for the buffer's esgmark diagnostics, writes them as JSON, quits. */
const PROBE = `
local out = vim.env.ESGMARK_NVIM_OUT
local function code(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local ok = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if code(d) == 'hkex/unknown-id' then return true end end
  return false
end, 50)
local list = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(list, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = code(d), source = d.source, message = d.message, severity = d.severity })
end
local clients = {}
for _, c in pairs(vim.lsp.buf_get_clients(0)) do table.insert(clients, c.name) end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ ok = ok, clients = clients, diagnostics = list }))
f:close()
vim.cmd('qa!')
`;

describe('Neovim (headless) with editors/neovim/esgmark.lua', { skip: SKIP }, () => {
  let dir: string;
  const text = readFixture('problems.esg.md');

  before(() => {
    requireBuilt('server.js');
    dir = mkdtempSync(path.join(tmpdir(), 'esgmark-nvim-'));
    mkdirSync(path.join(dir, 'report', '.git'), { recursive: true });
    writeFileSync(path.join(dir, 'report', '2025.esg.md'), text);
    writeFileSync(path.join(dir, 'probe.lua'), PROBE);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`${HAVE_NVIM ? NVIM.stdout.split('\n')[0] : 'nvim'} shows the server's diagnostics at the right line and byte column`, () => {
    const out = path.join(dir, 'out.json');
    const home = path.join(dir, 'home');
    const run = spawnSync(
      'nvim',
      [
        '--headless',
        '-n',
        '-i',
        'NONE',
        '-u',
        path.join(REPO_ROOT, 'editors', 'neovim', 'esgmark.lua'),
        path.join(dir, 'report', '2025.esg.md'),
        '-c',
        `luafile ${path.join(dir, 'probe.lua')}`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        // No user configuration, state or swap files of the machine's user.
        env: {
          ...process.env,
          HOME: home,
          XDG_CONFIG_HOME: path.join(home, 'config'),
          XDG_DATA_HOME: path.join(home, 'data'),
          XDG_STATE_HOME: path.join(home, 'state'),
          XDG_CACHE_HOME: path.join(home, 'cache'),
          ESGMARK_NVIM_OUT: out,
        },
      },
    );
    assert.ok(
      existsSync(out),
      `nvim wrote no result (status ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`,
    );
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      ok: boolean;
      clients: string[];
      diagnostics: {
        lnum: number;
        col: number;
        end_col: number;
        code: string;
        source: string;
        message: string;
        severity: number;
      }[];
    };
    assert.deepEqual(result.clients, ['esgmark']);
    assert.ok(result.ok, `no hkex/unknown-id within 30 s: ${JSON.stringify(result.diagnostics).slice(0, 500)}`);
    const unknown = result.diagnostics.find((d) => d.code === 'hkex/unknown-id')!;
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('A9.9'));
    // Neovim counts columns in bytes: after Chinese text that is not the UTF-16 column the server sent.
    const byteCol = Buffer.byteLength(lines[line].slice(0, lines[line].indexOf('A9.9')), 'utf8');
    assert.deepEqual(
      { lnum: unknown.lnum, col: unknown.col, end_col: unknown.end_col },
      { lnum: line, col: byteCol, end_col: byteCol + 4 },
    );
    assert.equal(unknown.source, 'esgmark');
    assert.equal(unknown.severity, 1, 'an error');
    assert.match(unknown.message, /A9\.9/);
  });
});
