// Position arithmetic on fixture text, so tests derive expected ranges from the text itself instead
// of hard-coding line numbers that break when a fixture is edited.

export interface Pos {
  line: number;
  character: number;
}

export interface Span {
  start: Pos;
  end: Pos;
}

export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** 0-based LSP position (UTF-16 columns) of a string offset. */
export function positionAt(text: string, offset: number): Pos {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    // A CRLF pair counts once: at its \n.
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offset of the nth (0-based) occurrence of `needle`; throws when the fixture does not contain it. */
export function offsetOf(text: string, needle: string, occurrence = 0, from = 0): number {
  let index = text.indexOf(needle, from);
  for (let n = 0; n < occurrence && index !== -1; n++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`fixture does not contain ${JSON.stringify(needle)} (occurrence ${occurrence})`);
  return index;
}

/** The range `needle` occupies in the text. */
export function rangeOf(text: string, needle: string, occurrence = 0, from = 0): Span {
  const start = offsetOf(text, needle, occurrence, from);
  return { start: positionAt(text, start), end: positionAt(text, start + needle.length) };
}

/** 0-based index of the first line that contains `needle`. */
export function lineOf(text: string, needle: string, occurrence = 0): number {
  return positionAt(text, offsetOf(text, needle, occurrence)).line;
}

/** Position just inside `needle`, `delta` characters after its start. */
export function positionIn(text: string, needle: string, delta: number, occurrence = 0): Pos {
  return positionAt(text, offsetOf(text, needle, occurrence) + delta);
}
