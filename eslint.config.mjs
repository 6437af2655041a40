// ESLint: the layer boundaries of ARCHITECTURE.md as rules, plus the recommended checks.
// Run by `npm run lint` (part of `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls',
  'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const noNode = [
  { group: ['node:*'], message: 'The engine is pure: file system, processes and timers come through an injected host.' },
];
const noEditor = [
  { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The engine knows no editor and no LSP: the server adapts it.' },
];

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'performance', 'require', 'module', '__dirname', '__filename', 'structuredClone', 'TextDecoder', 'TextEncoder',
  ].map((name) => [name, 'readonly']),
);
// Scripts run in a page by the browser tests (page.evaluate) name the page's globals.
const pageGlobals = Object.fromEntries(
  ['window', 'document', 'getComputedStyle', 'sessionStorage', 'requestAnimationFrame'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/corpus/**', 'test/fixtures/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // The code base keeps unused function parameters for documentation (handler signatures) with a leading _.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Control characters in patterns are deliberate: untrusted text is cleaned of them before it is shown.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['test/e2e/**', 'test/webview/**'], languageOptions: { globals: pageGlobals } },
  {
    // The engine: pure, no editor, no Node built-ins, nothing from the adapters around it.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The engine is pure: Node built-ins come through an injected host.' })),
        patterns: [...noNode, ...noEditor,
          { group: ['**/lsp/**', '**/cli/**', '**/server', '**/host/**', '**/client/**'], message: 'The engine does not import its adapters.' }],
      }],
    },
  },
  {
    // Syntax below interpretation: the parser knows no catalog, no recognition, no numbers, no rules.
    files: ['server/src/engine/parser/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The engine is pure.' })),
        patterns: [...noNode, ...noEditor,
          { group: ['../catalogs/**', '../recognition/**', '../numbers/**', '../numbers', '../disclosures', '../rules/**', '../features/**', '../xreport/**'], message: 'The parser yields syntax; what it means is decided above it (recognition/).' }],
      }],
    },
  },
  {
    // The client: the editor, the language client, the launcher and the shared protocol; never the engine.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/server/src/engine/**', '**/server/src/lsp/**', '!**/server/src/lsp/launch', '**/server/src/cli/**'],
          message: 'The client talks to the server through the protocol module only (and starts it with the launcher).',
        }],
      }],
    },
  },
);
