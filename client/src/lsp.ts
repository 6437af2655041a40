// The part of the client that needs vscode-languageclient, bundled on its own into dist/lsp.js. It is
// ~90% of the client's code, so extension.ts loads it with `require` only when the first ESG document is
// seen: activation then parses a small bundle, and a session without a report never loads this one.
// Keep this module free of imports from the other client modules, or they would be bundled twice.
import type * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export interface LanguageClientSettings {
  /** Absolute path of dist/server.js. */
  serverModule: string;
  documentSelector: DocumentSelector;
  outputChannel: vscode.LogOutputChannel;
}

/** A client for the esgmark server, not started yet. */
export function createLanguageClient(settings: LanguageClientSettings): LanguageClient {
  const module = settings.serverModule;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: settings.documentSelector,
    synchronize: { configurationSection: 'esgmark' },
    outputChannel: settings.outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  return new LanguageClient('esgmark', 'esgmark', serverOptions, clientOptions);
}

/** `workspace/executeCommand` on the server. */
export function executeServerCommand(client: LanguageClient, command: string, args: unknown[]): Promise<unknown> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}
