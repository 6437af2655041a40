// Build step (scripts/build.mjs, bundled to dist/warm-code-cache.js, not shipped): loads dist/cli-main.js
// as the entry does, runs `check` over two examples (a full report and the 1.3 KB stub) so that the
// functions a check calls are compiled too, then writes the code cache beside the bundle (codeCache.ts).
// Warming on more (every example, the JSON and SARIF formats) makes a bigger cache, whose reading costs
// a small check more than the compiling it saves.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadBundle, writeCodeCache } from './codeCache';

type MainModule = typeof import('./main');

const WARM_UP_INPUTS = ['zhipu-2025.esg.md', 'zhipu-2025-no-index.esg.md'];

async function warmAndWrite(root: string): Promise<void> {
  const bundle = path.join(root, 'dist', 'cli-main.js');
  const loaded = loadBundle(bundle, module);
  const { run } = loaded.exports as MainModule;
  const inputs = WARM_UP_INPUTS.map((name) => path.join(root, 'examples', name)).filter((f) => existsSync(f));
  const io = { stdout: () => {}, stderr: () => {}, isTty: false, env: {}, cwd: root };
  if (inputs.length > 0) await run(['check', '--jobs', '1', ...inputs], io);
  writeCodeCache(bundle, loaded);
}

void warmAndWrite(process.cwd()).catch((error: unknown) => {
  process.stderr.write(`warm-code-cache: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
