// Applies every code action offered for a document's diagnostics and checks what it did: (a) the
// edited document analyses without throwing and with well-formed diagnostics, (b) a quick fix removes
// or changes the diagnostic it targets (same rule, same data.id), (c) no text outside the edited
// ranges changes and the document's line-break style is kept.
import assert from 'node:assert/strict';
import { analyze, getCodeActions, type CodeAction, type Diagnostic } from '../../../server/src/engine';
import { applyEdits, assertWellFormed } from './support';

const URI = 'file:///fuzz.esg.md';

/** A diagnostic's identity across an edit: ranges move, so rule + id + message. */
function identity(d: Diagnostic): string {
  return `${d.rule}\u0000${typeof d.data?.id === 'string' ? d.data.id : ''}\u0000${d.message}`;
}

/**
 * Fixes documented to leave a prompt: the explanation block is inserted with a placeholder comment,
 * so hkex/missing stays (and hkex/empty-explanation appears) until the author writes the reason.
 */
function leavesPrompt(action: CodeAction, target: Diagnostic): boolean {
  const inserted = (action.edits[URI] ?? []).map((e) => e.newText).join('');
  return target.rule === 'hkex/missing' && inserted.includes('.explain');
}

function lineBreaks(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

export function checkActions(text: string, maxDiagnostics = 6): { applied: number; failures: string[] } {
  const before = analyze({ uri: URI, text });
  const failures: string[] = [];
  let applied = 0;
  const counts = new Map<string, number>();
  for (const d of before.diagnostics) counts.set(identity(d), (counts.get(identity(d)) ?? 0) + 1);
  const styles = lineBreaks(text);
  // Spread the checked diagnostics over the document rather than taking the first few.
  const step = Math.max(1, Math.floor(before.diagnostics.length / maxDiagnostics));
  const targets = before.diagnostics.filter((_, i) => i % step === 0).slice(0, maxDiagnostics);
  for (const target of targets) {
    for (const action of getCodeActions(before, target.range, [target])) {
      const edits = action.edits[URI] ?? [];
      assert.deepEqual(
        Object.keys(action.edits).filter((u) => u !== URI),
        [],
        'edits only the analysed document',
      );
      if (!edits.length) continue;
      // (c) ranges inside the text, not overlapping; outside them the text is the same by construction
      // of applyEdits, which places each edit at its own offsets of the original text.
      const { text: after, spans } = applyEdits(text, edits);
      const first = spans[0].start;
      const last = spans[spans.length - 1].end;
      assert.equal(after.slice(0, first), text.slice(0, first));
      assert.equal(after.slice(after.length - (text.length - last)), text.slice(last));
      // A document with one line-break style keeps it: no lone \n inserted into a CRLF report.
      if (styles.size === 1) {
        for (const e of edits)
          for (const nl of lineBreaks(e.newText))
            if (!styles.has(nl))
              failures.push(
                `${action.title}: inserts ${JSON.stringify(nl)} into a ${JSON.stringify([...styles][0])} document`,
              );
      }
      // (a) the edited document analyses cleanly.
      const errors: string[] = [];
      const next = analyze({ uri: URI, text: after }, { onRuleError: (rule, e) => errors.push(`${rule}: ${e}`) });
      assert.deepEqual(errors, [], `after "${action.title}"`);
      assertWellFormed(after, next);
      applied++;
      // (b) a quick fix for this diagnostic removes it (or changes it), unless it leaves a prompt by design.
      if (action.kind !== 'quickfix' || !(action.diagnostics ?? []).includes(target) || leavesPrompt(action, target))
        continue;
      const remaining = next.diagnostics.filter((d) => identity(d) === identity(target)).length;
      if (remaining >= (counts.get(identity(target)) ?? 1))
        failures.push(
          `"${action.title}" leaves ${target.rule} ${JSON.stringify(target.data?.id ?? '')}: ${target.message}`,
        );
    }
  }
  return { applied, failures };
}
