// The safe fixes of an analysis, for `source.fixAll.esgmark`: the engine's fix-all
// (engine/features/fixAll.ts), the same set `esgmark check --fix` applies.
import { getFixAll, type Analysis, type TextEdit } from '../engine';

export function collectSafeFixes(analysis: Analysis): TextEdit[] {
  return getFixAll(analysis).edits;
}
