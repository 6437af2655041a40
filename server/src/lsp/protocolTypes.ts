// The protocol's messages (server/src/protocol) as vscode-languageserver message types, so that the
// handlers are typed by the protocol module's params and results.
import { NotificationType, RequestType } from 'vscode-languageserver/node';
import type { ProtocolNotification, ProtocolRequest } from '../protocol';

export function lspRequest<P, R>(message: ProtocolRequest<P, R>): RequestType<P, R, void> {
  return new RequestType<P, R, void>(message.method);
}

export function lspNotification<P>(message: ProtocolNotification<P>): NotificationType<P> {
  return new NotificationType<P>(message.method);
}
