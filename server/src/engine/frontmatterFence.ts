// The front matter's fences, recognised in one place: the parser, the incremental parser, the cheap
// ESG-report check (bundled alone into the VS Code client, hence no imports here), the chapter and link
// readers and the project's concatenation all ask here, so they agree on where a front matter is.

/**
 * A fence line of the front matter: it opens with `---` on the first line (after a byte-order mark) and
 * closes with `---` or `...`; trailing blanks are allowed. `line` holds no line break.
 */
export function isFrontMatterFence(line: string, kind: 'open' | 'close'): boolean {
  const t = (kind === 'open' ? line.replace(/^\uFEFF/, '') : line).trimEnd();
  return t === '---' || (kind === 'close' && t === '...');
}

/**
 * A front matter whose second line is blank is not one: the `---` is a thematic break. Shared by the
 * parser and `frontMatterBlock`.
 */
export function opensFrontMatter(first: string | undefined, second: string | undefined): boolean {
  return first !== undefined && isFrontMatterFence(first, 'open') && (second ?? '').trim() !== '';
}

export interface FrontMatterBlock {
  /** Offset of the YAML's first line (after the opening fence and its line break). */
  yamlStart: number;
  /** Offset of the line break before the closing fence (the YAML without its last line break). */
  yamlEnd: number;
  /** Offset just after the closing fence line's text (before its line break). */
  end: number;
  /** The closing fence's line number (0-based). */
  closingLine: number;
}

const BREAK = /\r\n|\r|\n/g;

/** The front matter at the start of a text, as the parser reads it; undefined when there is none (or it is never closed). */
export function frontMatterBlock(text: string): FrontMatterBlock | undefined {
  // Lines are read one at a time: most texts have no front matter, and one that does ends early.
  BREAK.lastIndex = 0;
  let lineStart = 0;
  const next = (): { start: number; end: number; breakEnd: number } | undefined => {
    if (lineStart > text.length) return undefined;
    BREAK.lastIndex = lineStart;
    const m = BREAK.exec(text);
    const line = m
      ? { start: lineStart, end: m.index, breakEnd: m.index + m[0].length }
      : { start: lineStart, end: text.length, breakEnd: text.length + 1 };
    lineStart = line.breakEnd;
    return line;
  };
  const first = next();
  const second = first && next();
  if (!first || !second || !opensFrontMatter(text.slice(first.start, first.end), text.slice(second.start, second.end)))
    return undefined;
  let index = 1;
  for (let line: ReturnType<typeof next> = second; line; line = next(), index++) {
    if (isFrontMatterFence(text.slice(line.start, line.end), 'close')) {
      return {
        yamlStart: second.start,
        yamlEnd: Math.max(second.start, line.start - breakBefore(text, line.start)),
        end: line.end,
        closingLine: index,
      };
    }
  }
  return undefined;
}

/** The length of the line break ending just before `offset` (0 at the start). */
function breakBefore(text: string, offset: number): number {
  if (offset >= 2 && text[offset - 2] === '\r' && text[offset - 1] === '\n') return 2;
  return offset >= 1 && (text[offset - 1] === '\n' || text[offset - 1] === '\r') ? 1 : 0;
}
