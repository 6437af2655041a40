// Bytes to text, for every file esgmark reads from disk. Reports are UTF-8 (Pandoc reads nothing
// else), but files saved by Windows tools arrive as UTF-16 with a byte order mark, and a stray
// Latin-1 byte can sit anywhere. Each case is decoded as an editor would show it and described, so
// the caller can say so at the file's first line instead of analysing garbage in silence.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file began with a byte order mark (removed from `text`). */
  bom: boolean;
  /** UTF-16 offset in `text` of the first character that replaced undecodable bytes, if any. */
  invalidAt?: number;
}

const REPLACEMENT = '\uFFFD';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** UTF-32 by hand: the WHATWG decoders Node ships have no UTF-32. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): { text: string; invalidAt?: number } {
  const parts: string[] = [];
  let invalidAt: number | undefined;
  let length = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length - (bytes.length % 4);
  let chunk = '';
  for (let i = 4; i < whole; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    let ch: string;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      ch = REPLACEMENT;
      invalidAt ??= length + chunk.length;
    } else ch = String.fromCodePoint(cp);
    chunk += ch;
    // Joined in pieces so a large file does not build one rope of millions of concatenations.
    if (chunk.length > 8192) {
      parts.push(chunk);
      length += chunk.length;
      chunk = '';
    }
  }
  if (whole !== bytes.length) {
    invalidAt ??= length + chunk.length;
    chunk += REPLACEMENT;
  }
  parts.push(chunk);
  return { text: parts.join(''), invalidAt };
}

function firstInvalidUtf8(bytes: Uint8Array, from: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    return false;
  } catch {
    return true;
  }
}

/** Decodes a file's bytes: by its byte order mark if it has one, else as UTF-8. Never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  // UTF-32 LE's mark starts with UTF-16 LE's, so it is tested first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]))
    return { ...decodeUtf32(bytes, true), encoding: 'utf-32le', bom: true };
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    return { ...decodeUtf32(bytes, false), encoding: 'utf-32be', bom: true };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding: TextEncoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    // An odd trailing byte, or an unpaired surrogate, becomes U+FFFD (the decoder's replacement).
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    let invalidAt: number | undefined;
    if (body.length % 2 === 1) invalidAt = text.length - 1;
    return { text, encoding, bom: true, invalidAt: firstReplacement(text, invalidAt, bytes, encoding) };
  }
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  // Most files are valid: only a file that contains U+FFFD is scanned again to tell a written U+FFFD
  // from one standing for bad bytes.
  let invalidAt: number | undefined;
  if (text.includes(REPLACEMENT) && firstInvalidUtf8(bytes, bom ? 3 : 0))
    invalidAt = locateUtf8Invalid(bytes, bom ? 3 : 0);
  return { text, encoding: 'utf-8', bom, invalidAt };
}

/** For UTF-16: the first U+FFFD in the text, when the bytes do not themselves encode one there. */
function firstReplacement(
  text: string,
  known: number | undefined,
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
): number | undefined {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return known;
  const b = 2 + at * 2;
  const written =
    encoding === 'utf-16le' ? bytes[b] === 0xfd && bytes[b + 1] === 0xff : bytes[b] === 0xff && bytes[b + 1] === 0xfd;
  if (written) return known;
  return known === undefined ? at : Math.min(at, known);
}

/** UTF-16 offset of the first character decoded from invalid UTF-8 bytes: one pass over the bytes. */
function locateUtf8Invalid(bytes: Uint8Array, from: number): number {
  let units = 0;
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return units;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return units;
    }
    // Overlong three- and four-byte forms and surrogates are invalid too.
    if (need === 2) {
      const c = bytes[i + 1];
      if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return units;
    } else if (need === 3) {
      const c = bytes[i + 1];
      if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return units;
    }
    units += need === 3 ? 2 : 1;
    i += need + 1;
  }
  return units;
}
