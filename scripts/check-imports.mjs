// node scripts/check-imports.mjs: the import boundaries of server/src and client, checked by reading
// the sources (no TypeScript needed). Exit 1, with every problem listed, when
//   - relative imports form a cycle (type-only imports count: a cycle of types is still a tangle);
//   - the engine imports vscode, an LSP library, a Node built-in or anything outside server/src/engine;
//   - the server, the CLI, the host or the protocol module reach into the engine past its facade
//     (server/src/engine/index.ts);
//   - the client or the webview import anything of server/src but the protocol module and the launcher;
//   - a custom method name (`esgmark/...`) or the server's command id is written as a string outside
//     the protocol module (server/src/protocol), in the sources or the tests.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SCANNED = ['server/src', 'client/src', 'client/webview'];
const ENGINE = 'server/src/engine/';
const FACADE = 'server/src/engine/index.ts';
const PROTOCOL = 'server/src/protocol/';
/** The one engine module the protocol module re-exports: which files are reports, a pure leaf the client bundles. */
const PROTOCOL_ENGINE_LEAVES = new Set(['server/src/engine/detect.ts']);
/** What the client may take from the server's folder: the protocol module, and how to start the server. */
const CLIENT_ALLOWED = (target) => target.startsWith(PROTOCOL) || target === 'server/src/lsp/launch.ts';
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sourceFiles(folder) {
  const out = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file names: static imports and re-exports (with whether they are type-only), import() and require(). */
function importsOf(text) {
  const found = [];
  // Comments could hold an example import: drop them first (strings holding `//` are rare in import lines).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\s\S]*?)\bfrom\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    // `import { type A, type B } from` is type-only too.
    const clause = m[3];
    const named = /^\{([\s\S]*)\}\s*$/.exec(clause.trim());
    const allTypes =
      named !== null &&
      named[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    found.push({ specifier: m[4], typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s+['"]([^'"]+)['"]/g))
    found.push({ specifier: m[1], typeOnly: false });
  for (const m of code.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1], typeOnly: /typeof\s+import\(\s*['"]/.test(m[0]) });
  return found;
}

/** The repository path a relative specifier names (a .ts file, a folder's index.ts, or a data file). */
function resolveRelative(from, specifier) {
  const base = relative(ROOT, resolve(ROOT, dirname(from), specifier));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  return `${base}.ts`;
}

const files = SCANNED.flatMap(sourceFiles).sort();
const graph = new Map(files.map((f) => [f, []]));
/** The imports that stay in the JavaScript (type-only ones are erased): a cycle of these runs at load time. */
const valueGraph = new Map(files.map((f) => [f, []]));
const problems = [];

for (const file of files) {
  const inEngine = file.startsWith(ENGINE);
  const inClient = file.startsWith('client/');
  for (const { specifier, typeOnly } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
    if (!specifier.startsWith('.')) {
      const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      if (
        inEngine &&
        (pkg === 'vscode' ||
          pkg.startsWith('vscode-languageserver') ||
          pkg.startsWith('vscode-languageclient') ||
          NODE_BUILTINS.has(specifier) ||
          NODE_BUILTINS.has(pkg))
      ) {
        problems.push(`${file}: the engine is pure, it imports no '${specifier}'`);
      }
      continue;
    }
    const target = resolveRelative(file, specifier);
    if (graph.has(target)) graph.get(file).push(target);
    if (graph.has(target) && !typeOnly) valueGraph.get(file).push(target);
    if (inEngine) {
      if (!target.startsWith(ENGINE) && !target.endsWith('.json'))
        problems.push(`${file}: the engine imports nothing outside it ('${specifier}')`);
    } else if (inClient) {
      if (target.startsWith('server/') && !CLIENT_ALLOWED(target))
        problems.push(
          `${file}: the client takes from the server only the protocol module and the launcher ('${specifier}')`,
        );
    } else if (target.startsWith(ENGINE) && target !== FACADE) {
      const leaf = file.startsWith(PROTOCOL) && PROTOCOL_ENGINE_LEAVES.has(target);
      if (!leaf)
        problems.push(
          `${file}: reaches past the engine's facade into '${target}'${typeOnly ? ' (types too go through the facade)' : ''}`,
        );
    }
  }
}

// Method names live in the protocol module only: a string literal naming one elsewhere is a second copy.
const METHOD_LITERAL = /(['"`])(esgmark\/[A-Za-z]+|esgmark\.server\.[A-Za-z]+)\1/g;
function filesUnder(folder, pattern) {
  if (!existsSync(join(ROOT, folder))) return [];
  const out = [];
  for (const name of readdirSync(join(ROOT, folder))) {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out.push(...filesUnder(path, pattern));
    } else if (pattern.test(name)) out.push(path);
  }
  return out;
}
for (const file of [...files, ...filesUnder('test', /\.(ts|mjs|js)$/)]) {
  if (file.startsWith(PROTOCOL)) continue;
  const code = readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(METHOD_LITERAL))
    problems.push(`${file}: '${m[2]}' is written out; take it from the protocol module (server/src/protocol)`);
}

// Tarjan's strongly connected components: every component of more than one file (or a file importing
// itself) is a cycle. Iterative, so a deep import chain cannot overflow the stack.
function cyclesOf(edgesOf) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const enter = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
  };
  for (const start of edgesOf.keys()) {
    if (index.has(start)) continue;
    enter(start);
    const work = [{ node: start, next: 0 }];
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = edgesOf.get(frame.node);
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!index.has(to)) {
          enter(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node), index.get(to)));
        continue;
      }
      work.pop();
      if (work.length)
        low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node), low.get(frame.node)));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
const runTime = cyclesOf(valueGraph);
for (const cycle of runTime) problems.push(`import cycle at run time, of ${cycle.length} files: ${cycle.join(', ')}`);
for (const cycle of cyclesOf(graph)) {
  // Said once: a cycle that is one at run time too is reported above.
  if (runTime.some((c) => c.length === cycle.length && c.every((f, i) => f === cycle[i]))) continue;
  problems.push(`import cycle through type imports, of ${cycle.length} files: ${cycle.join(', ')}`);
}

if (problems.length) {
  for (const p of problems) console.error(`check-imports: ${p}`);
  console.error(`check-imports: ${problems.length} problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`check-imports: ${files.length} files, no cycle, boundaries kept`);
