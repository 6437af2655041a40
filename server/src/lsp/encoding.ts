// Position encodings (LSP 3.17 `general.positionEncodings`): the engine counts columns in UTF-16 code
// units, as LSP does by default; a client may instead count UTF-8 bytes (Neovim, Helix, Zed prefer it)
// or code points (UTF-32). The codec converts every position the server receives into UTF-16 and every
// position it sends into the negotiated encoding, line by line, so that a range after Chinese text (3
// UTF-8 bytes, 1 UTF-16 unit per character) or an astral character (4 bytes, 2 units, 1 code point)
// lands on the same characters in every client.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

const SUPPORTED: readonly PositionEncoding[] = ['utf-8', 'utf-16', 'utf-32'];

/** The encoding to use: the first of the client's list the server supports (the client's preference), else UTF-16. */
export function negotiateEncoding(offered: unknown): PositionEncoding {
  if (!Array.isArray(offered)) return 'utf-16';
  for (const e of offered)
    if (typeof e === 'string' && (SUPPORTED as readonly string[]).includes(e.toLowerCase()))
      return e.toLowerCase() as PositionEncoding;
  return 'utf-16';
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Length in the encoding of the UTF-16 code units `text[from, to)` (a lone surrogate counts as U+FFFD: 3 bytes). */
function measure(text: string, from: number, to: number, encoding: PositionEncoding): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && i + 1 < to && isLow(text.charCodeAt(i + 1))) {
      n += encoding === 'utf-8' ? 4 : 1;
      i++;
    } else if (encoding === 'utf-32') n += 1;
    else n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** A UTF-16 column of `line` in the encoding. Past the end of the line: the end of the line. */
export function columnToEncoding(line: string, utf16: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return utf16;
  let end = Math.max(0, Math.min(utf16, line.length));
  // Never split a surrogate pair: a column inside one is the start of its character.
  if (end > 0 && end < line.length && isLow(line.charCodeAt(end)) && isHigh(line.charCodeAt(end - 1))) end--;
  return measure(line, 0, end, encoding);
}

/** A column in the encoding as a UTF-16 column of `line`. Inside a character: its start; past the end of the line: the end. */
export function columnFromEncoding(line: string, column: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return column;
  let units = 0;
  let counted = 0;
  while (units < line.length) {
    const pair = isHigh(line.charCodeAt(units)) && units + 1 < line.length && isLow(line.charCodeAt(units + 1));
    const width = pair ? 2 : 1;
    const size = measure(line, units, units + width, encoding);
    if (counted + size > column) break;
    counted += size;
    units += width;
  }
  return units;
}

interface Position {
  line: number;
  character: number;
}

function isPosition(value: unknown): value is Position {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.line === 'number' && typeof v.character === 'number' && Object.keys(v).length === 2;
}

/** Fields whose content is the server's own data, sent back untouched: never converted. */
const OPAQUE_KEYS = new Set(['data']);
/** Maps from uri to edits or reports: the key is the uri of what is under it. */
const URI_KEYED = new Set(['changes', 'relatedDocuments']);

/**
 * Converts positions between the engine (UTF-16) and the client's encoding. `lineText(uri, line)` gives
 * a line of a file as the server knows it (open document, else the file through the gate); a position
 * in a file the server cannot read is passed through unchanged.
 */
/** A converted value with the lines its conversion read, as they were then. */
interface Encoded {
  encoding: PositionEncoding;
  /** The file the item's own positions were read against. */
  uri: string;
  value: unknown;
  reads: { uri: string; line: number; text: string | undefined }[];
}

export class PositionCodec {
  encoding: PositionEncoding = 'utf-16';
  /** Conversions of published objects (lsp/publish.ts keeps them while they are published). */
  private readonly encoded = new WeakMap<object, Encoded>();
  /** While converting for `outList`: the lines read. */
  private reads: Encoded['reads'] | undefined;

  constructor(private readonly lineText: (uri: string, line: number) => string | undefined) {}

  get identity(): boolean {
    return this.encoding === 'utf-16';
  }

  /** Every position in `value` (results, edits, diagnostics, reports) in the client's encoding. */
  out<T>(value: T, uri?: string): T {
    return this.identity ? value : (this.walk(value, uri, true) as T);
  }

  /**
   * `out` of each item of a list (the diagnostics of a publication), reusing an item's earlier
   * conversion while every line it was read against reads the same: after an edit only the diagnostics
   * that changed, or lie on the edited line, are converted again, and the others keep their objects
   * (whose JSON lsp/wire.ts reuses).
   */
  outList<T extends object>(list: readonly T[], uri: string): T[] {
    if (this.identity) return list as T[];
    return list.map((item) => {
      const kept = this.encoded.get(item);
      if (
        kept &&
        kept.encoding === this.encoding &&
        kept.uri === uri &&
        kept.reads.every((r) => this.lineText(r.uri, r.line) === r.text)
      )
        return kept.value as T;
      const reads: Encoded['reads'] = [];
      this.reads = reads;
      let value: T;
      try {
        value = this.walk(item, uri, true) as T;
      } finally {
        this.reads = undefined;
      }
      this.encoded.set(item, { encoding: this.encoding, uri, value, reads });
      return value;
    });
  }

  /** Every position in request params in UTF-16, read against the request's document. */
  in<T>(value: T, uri?: string): T {
    return this.identity ? value : (this.walk(value, uri, false) as T);
  }

  private convert(position: Position, uri: string | undefined, outgoing: boolean): Position {
    if (uri === undefined || position.line < 0) return position;
    const line = this.lineText(uri, position.line);
    const reads = this.reads;
    // A range's start and end mostly lie on one line: it is read once.
    const last = reads?.[reads.length - 1];
    if (reads && (last?.line !== position.line || last.uri !== uri))
      reads.push({ uri, line: position.line, text: line });
    if (line === undefined) return position;
    const character = outgoing
      ? columnToEncoding(line, position.character, this.encoding)
      : columnFromEncoding(line, position.character, this.encoding);
    return { line: position.line, character };
  }

  private walk(value: unknown, uri: string | undefined, outgoing: boolean): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, uri, outgoing));
    if (isPosition(value)) return this.convert(value, uri, outgoing);
    const record = value as Record<string, unknown>;
    // A Location, a report item, a PublishDiagnostics: the uri of what they contain.
    let here = typeof record.uri === 'string' ? record.uri : uri;
    const doc = record.textDocument as { uri?: unknown } | undefined;
    if (doc && typeof doc.uri === 'string') here = doc.uri;
    if (typeof record.targetUri === 'string') here = record.targetUri;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(record)) {
      if (OPAQUE_KEYS.has(key)) out[key] = v;
      else if (URI_KEYED.has(key) && v && typeof v === 'object' && !Array.isArray(v)) {
        out[key] = Object.fromEntries(
          Object.entries(v as Record<string, unknown>).map(([u, inner]) => [u, this.walk(inner, u, outgoing)]),
        );
      } else out[key] = this.walk(v, here, outgoing);
    }
    return out;
  }

  /**
   * `TextDocuments`' update with the client's encoding: each change's range is read against the text
   * as the changes before it left it (the order LSP applies them in).
   */
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (this.identity) return TextDocument.update(document, changes, version);
    let current = document;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        current = TextDocument.update(current, [change], version);
        continue;
      }
      const lineOf = (line: number) => lineOfDocument(current, line);
      const from = (p: Position): Position => {
        const text = lineOf(p.line);
        return text === undefined
          ? p
          : { line: p.line, character: columnFromEncoding(text, p.character, this.encoding) };
      };
      current = TextDocument.update(
        current,
        [{ range: { start: from(change.range.start), end: from(change.range.end) }, text: change.text }],
        version,
      );
    }
    return current;
  }
}

/** One line of a document without its line break, or undefined past the last line. */
export function lineOfDocument(document: TextDocument, line: number): string | undefined {
  if (line < 0 || line >= document.lineCount) return undefined;
  const text = document.getText();
  const start = document.offsetAt({ line, character: 0 });
  let end = document.offsetAt({ line: line + 1, character: 0 });
  // Without its line break (LF, CRLF or a lone CR); no regex: positions of every published diagnostic are read here.
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}
