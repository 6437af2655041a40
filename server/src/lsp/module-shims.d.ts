// tsconfig uses `moduleResolution: node` (node10), which ignores package.json "exports"; the
// vscode-languageserver packages expose their entry points only through "exports". These ambient
// declarations point the type checker at the files that "exports" names. esbuild and Node resolve the
// real modules at build/run time, so this file affects typing only. Delete it if tsconfig moves to
// `moduleResolution: node16`/`bundler`.
declare module 'vscode-languageserver' {
  export * from 'vscode-languageserver/lib/common/api';
}
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageserver-protocol' {
  export * from 'vscode-languageserver-protocol/lib/common/api';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc' {
  export * from 'vscode-jsonrpc/lib/common/api';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
