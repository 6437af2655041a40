// A unified diff of a file before and after fix-all, built from the edits themselves (the changed
// lines are known, so no text comparison is needed), with three lines of context as `diff -u` gives.
import { applyTextEdits, splitLines, type TextEdit } from '../engine';
import { showControls } from './controls';

const CONTEXT = 3;

interface Group {
  first: number;
  last: number;
  edits: TextEdit[];
}

export function unifiedDiff(before: string, edits: readonly TextEdit[], name: string): string {
  if (edits.length === 0) return '';
  const old = splitLines(before);
  const sorted = [...edits].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  // Edits touching the same lines form one group of changed lines.
  const groups: Group[] = [];
  for (const e of sorted) {
    const prev = groups[groups.length - 1];
    if (prev && e.range.start.line <= prev.last) {
      prev.last = Math.max(prev.last, e.range.end.line);
      prev.edits.push(e);
    } else groups.push({ first: e.range.start.line, last: e.range.end.line, edits: [e] });
  }
  // Groups whose context would touch form one hunk.
  const hunks: Group[][] = [];
  for (const g of groups) {
    const hunk = hunks[hunks.length - 1];
    if (hunk && g.first <= hunk[hunk.length - 1].last + 2 * CONTEXT + 1) hunk.push(g);
    else hunks.push([g]);
  }
  const line = (prefix: string, text: string) => `${prefix}${showControls(text)}\n`;
  let out = `--- a/${showControls(name)}\n+++ b/${showControls(name)}\n`;
  let delta = 0;
  for (const hunk of hunks) {
    const from = Math.max(0, hunk[0].first - CONTEXT);
    const to = Math.min(old.texts.length - 1, hunk[hunk.length - 1].last + CONTEXT);
    let body = '';
    let oldCount = 0;
    let newCount = 0;
    let at = from;
    for (const g of hunk) {
      for (; at < g.first; at++, oldCount++, newCount++) body += line(' ', old.texts[at]);
      const start = old.starts[g.first];
      const end = old.starts[g.last] + old.texts[g.last].length;
      const local = g.edits.map((e) => ({
        newText: e.newText,
        range: {
          start: { line: e.range.start.line - g.first, character: e.range.start.character },
          end: { line: e.range.end.line - g.first, character: e.range.end.character },
        },
      }));
      const changed = splitLines(applyTextEdits(before.slice(start, end), local)).texts;
      const removed = old.texts.slice(g.first, g.last + 1);
      // Lines the edits leave as they were (a row inserted after a line ends that line) stay context.
      let same = 0;
      while (same < removed.length && same < changed.length && removed[same] === changed[same]) same++;
      let tail = 0;
      while (
        tail < removed.length - same &&
        tail < changed.length - same &&
        removed[removed.length - 1 - tail] === changed[changed.length - 1 - tail]
      )
        tail++;
      for (let i = 0; i < same; i++, at++, oldCount++, newCount++) body += line(' ', removed[i]);
      for (let i = same; i < removed.length - tail; i++, at++, oldCount++) body += line('-', removed[i]);
      for (let i = same; i < changed.length - tail; i++, newCount++) body += line('+', changed[i]);
      for (let i = removed.length - tail; i < removed.length; i++, at++, oldCount++, newCount++)
        body += line(' ', removed[i]);
    }
    for (; at <= to; at++, oldCount++, newCount++) body += line(' ', old.texts[at]);
    out += `@@ -${from + 1},${oldCount} +${from + 1 + delta},${newCount} @@\n${body}`;
    delta += newCount - oldCount;
  }
  return out;
}
