// How the language server's Node process is started. The VS Code client (client/src/lsp.ts) and the
// benchmark (scripts/bench) both use these flags, so the benchmark measures the server users run.
//
// --max-semi-space-size=8: V8's young generation grows to 3 × 16 MiB by default, and after the first
// analysis of a large report it stays that size, counted in the process's RSS although almost empty.
// The server's garbage per keystroke is small once analysis is incremental, so 8 MiB semi-spaces cost
// little collection time and keep about 15 MiB out of the RSS (with 4 MiB, 8 more, but edits got slower) (docs/performance.md, Memory).
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=8'];
