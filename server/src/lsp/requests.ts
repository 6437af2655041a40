// How the server treats requests under load and around shutdown: cancellation, the LSP lifecycle
// after `shutdown`, and one validation at a time. The engine is synchronous, so the only moments a
// `$/cancelRequest` (or a hover) can be read are the ones where the server returns to the event loop;
// these helpers make those moments explicit. docs/robustness.md, "The server under load".
import {
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ResponseError,
  type CancellationToken,
  type ConnectionOptions,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * Lets the event loop run once: the connection reads what arrived meanwhile (cancellations, other
 * requests) before the caller starts synchronous work. `setImmediate` runs after the poll phase, so
 * pending input is read first; a resolved promise would not let it.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Throws the LSP `RequestCancelled` error when the client cancelled the request. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelledError();
}

/** Yields once, then throws `RequestCancelled` if the request was cancelled meanwhile. */
export async function checkpoint(token: CancellationToken | undefined): Promise<void> {
  await yieldToEventLoop();
  throwIfCancelled(token);
}

/** Internal method a request received before `initialize` is routed to; its handler answers ServerNotInitialized. */
export const BEFORE_INITIALIZE_METHOD = '$/esgmark/beforeInitialize';

export function notInitializedError(method: unknown): ResponseError<void> {
  return new ResponseError(
    ErrorCodes.ServerNotInitialized,
    `the server is not initialized: ${typeof method === 'string' ? method : 'request'} comes before initialize`,
  );
}

/** Internal method a request received after `shutdown` is routed to; its handler answers InvalidRequest. */
export const AFTER_SHUTDOWN_METHOD = '$/esgmark/afterShutdown';

export function afterShutdownError(method: unknown): ResponseError<void> {
  return new ResponseError(
    ErrorCodes.InvalidRequest,
    `the server is shut down: ${typeof method === 'string' ? method : 'request'} is not served`,
  );
}

/**
 * Connection options for the lifecycle and for cancellation:
 * - a request still queued when its `$/cancelRequest` arrives is answered RequestCancelled at once,
 *   without running its handler;
 * - before `initialize` (`isInitialized()` false), every other request is answered ServerNotInitialized
 *   (-32002) and every notification but `exit` is dropped;
 * - after `shutdown` (`isShutDown()`), every request is answered InvalidRequest (-32600, as the LSP spec
 *   requires) and every notification but `exit` is dropped. The request is routed to
 *   `AFTER_SHUTDOWN_METHOD` because a message strategy cannot write a response itself.
 */
export function lifecycleOptions(
  isShutDown: () => boolean,
  isInitialized: () => boolean = () => true,
): ConnectionOptions {
  return {
    connectionStrategy: {
      cancelUndispatched: (message: Message): ResponseMessage | undefined =>
        Message.isRequest(message) ? { jsonrpc: '2.0', id: message.id, error: cancelledError().toJson() } : undefined,
    },
    messageStrategy: {
      handleMessage(message: Message, next: (message: Message) => void | Promise<void>): void | Promise<void> {
        // Before `initialize` only `initialize` is served (ServerNotInitialized, -32002, for any other
        // request) and only `exit` among notifications, as the LSP spec says.
        if (!isInitialized()) {
          if (Message.isRequest(message) && message.method !== 'initialize') {
            return next({
              jsonrpc: message.jsonrpc,
              id: message.id,
              method: BEFORE_INITIALIZE_METHOD,
              params: { method: message.method },
            } as RequestMessage);
          }
          if (Message.isNotification(message) && message.method !== 'exit') return;
        }
        if (isShutDown()) {
          if (Message.isRequest(message)) {
            const rerouted: RequestMessage = {
              jsonrpc: message.jsonrpc,
              id: message.id,
              method: AFTER_SHUTDOWN_METHOD,
              params: { method: message.method },
            };
            return next(rerouted);
          }
          if (Message.isNotification(message) && message.method !== 'exit') return;
        }
        return next(message);
      },
    },
  };
}

/**
 * Runs tasks one after another, each after a turn of the event loop: many documents to validate (a
 * settings change, a workspace of open reports) then cost at most one analysis between two requests,
 * instead of all of them before the next hover is even read.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  run(task: () => Promise<void>, onError: (error: unknown) => void): void {
    this.tail = this.tail.then(yieldToEventLoop).then(task).catch(onError);
  }
}
