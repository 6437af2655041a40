// Quick fixes for the diagnostics in a range, plus the 'generate index table' source action. Each
// diagnostic's rule builds its fixes (`Rule.fixes`, in the rule's module) from the diagnostic's `data`
// and the model, never by re-parsing messages.
import type { Analysis } from '../analysis';
import type { CodeAction, Diagnostic, Range } from '../types';
import { getFramework } from '../catalogs/hkex';
import { t, type MessageKey } from '../i18n';
import { overlaps } from '../parser/lines';
import { RULES_BY_ID, type FixContext } from '../rules';
import { buildIndexTable } from './indexTable';
import { missingTotalActions } from './numberActions';

export function codeActionsFor(analysis: Analysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const doc = analysis.model;
  const uri = doc.uri;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(analysis.locale, key, args);
  const framework = getFramework(doc.config.framework);
  if (!framework) return actions;
  const relevant = diagnostics.filter((d) => overlaps(d.range, range));

  // Each diagnostic's rule gives its fixes, from the diagnostic's data and the model.
  const ctx: FixContext = { doc, locale: analysis.locale, options: analysis.options, framework, diagnostics, t: say };
  for (const d of relevant) {
    const rule = RULES_BY_ID.get(d.rule);
    if (rule?.fixes) actions.push(...rule.fixes(d, ctx));
  }
  actions.push(...missingTotalActions(analysis, range));
  const generated = buildIndexTable(analysis);
  actions.push({ title: say('action.generateIndex'), kind: 'source', edits: { [uri]: [generated.edit] } });
  return actions;
}
