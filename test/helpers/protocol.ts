// The protocol's messages (server/src/protocol) as message types of the tests' LSP connection.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol/node';
import type { ProtocolNotification, ProtocolRequest } from '../../server/src/protocol';

export function lspRequest<P, R>(message: ProtocolRequest<P, R>): RequestType<P, R, void> {
  return new RequestType<P, R, void>(message.method);
}

export function lspNotification<P>(message: ProtocolNotification<P>): NotificationType<P> {
  return new NotificationType<P>(message.method);
}
