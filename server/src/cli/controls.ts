// Text in, text out: a report's ids, cells, labels and file names reach the terminal and CI logs
// through the CLI. Control characters in them would be obeyed by the terminal (ESC sequences that
// erase lines or set the title, OSC 8 links, C1 controls) or reorder what is shown (bidi controls), so
// a report could rewrite the log that judges it. Every text the CLI prints goes through one of the two
// functions below; colours the CLI adds itself on a TTY are added afterwards.

export interface ShowOptions {
  /** Keep `\n` and `\r\n` (Markdown and CSV output, stack traces); a lone `\r` is still shown. */
  lineBreaks?: boolean;
  /** Keep bidi controls (Markdown written to a file is text in its own right). */
  bidi?: boolean;
}

/**
 * C0 controls except tab, DEL, C1 controls (U+0080-U+009F), the line and paragraph separators, and
 * the Bidi_Control characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
 */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const BIDI = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;

/** A character as an escape a reader can see: `\x1b`, `\x07`, `\u202e`. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character shown as an escape (one pass: linear in the text). */
export function showControls(text: string, options: ShowOptions = {}): string {
  return text.replace(CONTROLS, (c: string, offset: number) => {
    if (options.lineBreaks && (c === '\n' || (c === '\r' && text.charCodeAt(offset + 1) === 0x0a))) return c;
    if (options.bidi && BIDI.test(c)) return c;
    return visible(c);
  });
}

/** Characters JSON.stringify leaves raw although a terminal or viewer may act on them. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with C1, DEL, separators and bidi controls written as `\u` escapes: the same JSON value
 * (they can only occur inside strings), but nothing raw left for a terminal to obey.
 */
export function jsonWithEscapes(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
