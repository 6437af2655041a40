// The quick fix of every numbers rule whose finding is a failed check (`checkDiagnostic`): replace the
// reported figure with the computed one, printed the same way. Shared by the kpi/ and ghg/ rules that
// report checks; each lists it among its fixes.
import type { checkDiagnostic } from '../numbers/checks';
import type { CodeAction, Diagnostic } from '../types';
import { lineText } from '../features/edits';
import type { FixContext, RuleDiagnostic } from './rule';

/** The `data` of a failed check's diagnostic: the computed figure (`text`, printed like the reported one). */
export type CheckData = ReturnType<typeof checkDiagnostic>['data'];

export function replaceValueFixes<Data extends object>(d: RuleDiagnostic<Data>, ctx: FixContext): CodeAction[] {
  const data = d.data as Partial<CheckData> | undefined;
  if (data?.kind !== 'replace-value' || typeof data.text !== 'string') return [];
  const reported = lineText(ctx.doc, d.range.start.line).slice(d.range.start.character, d.range.end.character);
  return [
    {
      title: ctx.t('action.replaceValue', { reported, computed: data.text }),
      kind: 'quickfix',
      edits: { [ctx.doc.uri]: [{ range: d.range, newText: data.text }] },
      diagnostics: [d as Diagnostic],
    },
  ];
}
