// The JSON of the messages the server writes over a stream (`--stdio`). A publication of a large
// report carries thousands of diagnostics (about 1.4 MB of JSON for 2,300), nearly all of them the
// same objects as in the previous publication (lsp/publish.ts reuses their LSP forms): each is
// serialised once and its bytes are reused, so that an edit serialises only what changed. The bytes
// are those JSON.stringify gives for the whole message. Over IPC (the VS Code client) Node serialises
// the message itself, so this applies to stream transports only.
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ConnectionOptions,
  type ContentTypeEncoder,
  type Message,
} from 'vscode-languageserver/node';

const PUBLISH_METHOD = 'textDocument/publishDiagnostics';
/** Where the diagnostics go in the message's JSON: a key (a quote inside a string is escaped, so it can only be this one). */
const DIAGNOSTICS_SLOT = '"diagnostics":[]';
/** The byte between two diagnostics. */
const COMMA = 0x2c;

/** Each object's JSON, kept while the object lives (the converter keeps the ones still published). */
const serialised = new WeakMap<object, Buffer>();

function jsonOf(value: object): Buffer {
  let bytes = serialised.get(value);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(value), 'utf8');
    serialised.set(value, bytes);
  }
  return bytes;
}

function isObjectList(value: unknown): value is object[] {
  if (!Array.isArray(value)) return false;
  for (const v of value) if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  return true;
}

/** The UTF-8 JSON of a message, as `JSON.stringify` writes it. */
export function encodeMessage(message: Message): Buffer {
  const m = message as { method?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = m.params?.diagnostics;
  if (m.method !== PUBLISH_METHOD || !isObjectList(diagnostics) || diagnostics.length === 0)
    return Buffer.from(JSON.stringify(message), 'utf8');
  const shell = JSON.stringify({ ...message, params: { ...m.params, diagnostics: [] } });
  const at = shell.indexOf(DIAGNOSTICS_SLOT);
  if (at < 0 || shell.indexOf(DIAGNOSTICS_SLOT, at + 1) >= 0) return Buffer.from(JSON.stringify(message), 'utf8');
  const open = at + DIAGNOSTICS_SLOT.length - 1;
  const head = Buffer.from(shell.slice(0, open), 'utf8');
  const tail = Buffer.from(shell.slice(open), 'utf8');
  const items: Buffer[] = new Array(diagnostics.length);
  let size = head.length + tail.length + diagnostics.length - 1;
  for (let i = 0; i < diagnostics.length; i++) size += (items[i] = jsonOf(diagnostics[i])).length;
  // Copied into one buffer here: Buffer.concat of thousands of small parts took about 4× as long.
  // Every byte of it is written below (allocUnsafe leaves it uninitialised).
  const out = Buffer.allocUnsafe(size);
  out.set(head, 0);
  let offset = head.length;
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out[offset++] = COMMA;
    out.set(items[i], offset);
    offset += items[i].length;
  }
  out.set(tail, offset);
  return out;
}

/** The writer's JSON encoder (`StreamMessageWriter`'s `contentTypeEncoder`); UTF-8, the only charset LSP uses. */
export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message: Message) => {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  },
};

/** True when the arguments ask for `--stdio`, as the library reads them (the first transport argument wins). */
export function usesStdio(argv: readonly string[]): boolean {
  return argv.slice(2).find((a) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/.test(a)) === '--stdio';
}

/**
 * The connection over stdin/stdout with the encoder above. What the library does for `--stdio` when it
 * makes the streams itself is done here too: the process ends with stdin, and `console` output goes to
 * the client's log instead of into the protocol stream.
 */
export function createStdioConnection(options: ConnectionOptions, shutDown: () => boolean): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder }),
    options,
  );
  const end = () => process.exit(shutDown() ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const log = (...args: unknown[]) => connection.console.log(format(...args));
  const error = (...args: unknown[]) => connection.console.error(format(...args));
  Object.assign(console, { log, info: log, debug: log, dir: log, warn: error, error, trace: error });
  return connection;
}
