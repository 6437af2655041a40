// The repository's tsconfig uses `moduleResolution: node`, which ignores package.json `exports`, so the
// `vscode-languageclient/node` subpath has no types there; point it at the file the export maps to.
// (esbuild resolves the real `exports` entry when bundling.)
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
