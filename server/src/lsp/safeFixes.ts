// The safe fixes of an analysis, for `source.fixAll.esgmark`. The engine's own fix-all
// (server/src/engine/features/fixAll.ts, `collectSafeFixes`, which `esgmark check --fix` uses too) is
// being built beside this; until it is merged this stand-in takes the one fix that is safe without any
// judgement: replacing a deleted requirement id by the ids that succeeded it (A1.2 → D28(a) D28(b)).
// On merge, this function becomes `return getFixAll(analysis).edits;`.
import { getCodeActions, type Analysis, type TextEdit } from '../engine';

export function collectSafeFixes(analysis: Analysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const d of analysis.diagnostics) {
    if (d.rule !== 'hkex/deleted' || typeof d.data?.replacement !== 'string') continue;
    const action = getCodeActions(analysis, d.range, [d]).find((a) => a.kind === 'quickfix' && a.isPreferred && a.diagnostics?.includes(d));
    const own = action?.edits[analysis.model.uri];
    if (own?.length === 1) edits.push(own[0]);
  }
  return edits;
}
