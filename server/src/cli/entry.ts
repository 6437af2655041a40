// `esgmark` as installed (dist/cli.js). It answers --help and --version itself and loads the commands
// (main.ts, bundled to dist/cli-main.js with the engine and its catalogs, about 2 MB to compile) only
// for a command that reads reports or lists rules: start-up is what a one-file check in CI pays most. It
// loads main.ts through the code cache the build wrote (codeCache.ts), compiling from source without one.
import * as path from 'node:path';
import { loadBundle } from './codeCache';
import { HELP_TEXT, helpOrVersion, ignoreClosedPipe } from './help';
import { version as VERSION } from '../../../package.json';

type MainModule = typeof import('./main');

const quick = helpOrVersion(process.argv.slice(2));
if (quick) {
  ignoreClosedPipe();
  process.stdout.write(quick === 'help' ? HELP_TEXT : `${VERSION}\n`, 'utf8');
} else {
  // A path built at run time: esbuild leaves it alone instead of bundling main.ts here.
  (loadBundle(path.join(__dirname, 'cli-main.js'), module).exports as MainModule).main();
}
