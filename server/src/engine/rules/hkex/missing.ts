// hkex/missing: a requirement the issuer must address (mandatory, or 'comply or explain' for its
// issuer class and financial year) that the report neither discloses nor explains. Requirements of one
// aspect shown at the same place with the same severity are reported as one diagnostic listing them
// (a report without tags would otherwise get dozens at line 1); `data.ids` names each of them.
import type { CodeAction, Range, Severity } from '../../types';
import { type Rule, RuleContext } from '../rule';
import { localized } from '../../i18n';
import { fyLabel, obligationIn } from '../../context';
import { addressed } from '../../disclosures';
import { contextOf, disclosures } from '../../derived';
import { explanationEdit, explanationSnippet, tagSectionEdit } from '../../features/edits';

/** Whether hkex/missing reports `id`: it must be addressed and is neither disclosed nor (where that suffices) explained. */
export function isReportedMissing(ctx: RuleContext, id: string): boolean {
  const obligation = obligationIn(ctx.framework, id, ctx.reporting);
  if (obligation !== 'mandatory' && obligation !== 'comply-or-explain') return false;
  return addressed(ctx.disclosures.get(id), obligation) === 'missing';
}

interface Finding {
  id: string;
  title: string;
  aspect: string;
  obligation: 'mandatory' | 'comply-or-explain';
  explained: boolean;
  range: Range;
  severity?: Severity;
}

/** One requirement (`id`, and `ids` of one), or the requirements of one aspect reported together (`ids`, `aspect`). */
export type MissingData = { id?: string; ids: string[]; aspect?: string };

export const missing: Rule<MissingData> = {
  id: 'hkex/missing',
  defaultSeverity: 'warning',
  description: {
    en: "Every mandatory and 'comply or explain' requirement is disclosed (tagged section, KPI row, index row) or explained; mandatory ones are errors and cannot be explained away.",
    'zh-Hant':
      '每項強制及「不遵守就解釋」條文均已披露（標註章節、關鍵績效指標行、索引行）或解釋；強制條文屬錯誤，且不能以解釋代替。',
    'zh-Hans':
      '每项强制及“不遵守就解释”条文均已披露（标注章节、关键绩效指标行、索引行）或解释；强制条文属错误，且不能以解释代替。',
  },
  run(ctx) {
    // The same few words in every message: translated once per run.
    const obligationText = {
      mandatory: ctx.t('obligation.mandatory'),
      'comply-or-explain': ctx.t('obligation.comply-or-explain'),
    };
    const issuerClass = ctx.t(`issuerClass.${ctx.issuerClass}`);
    const fy = fyLabel(ctx.reporting, ctx.locale);
    // A year before the Code: the Code is guidance, and what it would require is information.
    const guidance = ctx.reporting.codeVersion === 'pre-2025';
    const groups = new Map<string, Finding[]>();
    for (const req of ctx.framework.leaves()) {
      if (!isReportedMissing(ctx, req.id)) continue;
      const obligation = obligationIn(ctx.framework, req.id, ctx.reporting) as Finding['obligation'];
      const explained = (ctx.disclosures.get(req.id)?.explanations.length ?? 0) > 0;
      const range = anchorFor(ctx, req.id, ctx.disclosures.aspectSection(req.aspect)?.heading.titleRange);
      const severity: Severity | undefined = guidance
        ? 'information'
        : obligation === 'mandatory'
          ? 'error'
          : undefined;
      const finding: Finding = {
        id: req.id,
        title: localized(req.title, ctx.locale),
        aspect: req.aspect,
        obligation,
        explained,
        range,
        severity,
      };
      // An explained mandatory requirement has a message of its own; the others group by place, aspect and severity.
      const key = explained
        ? `explained ${req.id}`
        : `${rangeKey(range)} ${req.aspect} ${obligation} ${severity ?? ''}`;
      const list = groups.get(key);
      if (list) list.push(finding);
      else groups.set(key, [finding]);
    }
    for (const list of groups.values()) {
      const first = list[0];
      const common = { obligation: obligationText[first.obligation], issuerClass, fy };
      if (list.length === 1) {
        const key = guidance
          ? 'hkex.missing.guidance'
          : first.explained
            ? 'hkex.missing.mandatoryExplained'
            : 'hkex.missing';
        ctx.report({
          range: first.range,
          message: ctx.t(key, { ...common, id: first.id, title: first.title }),
          severity: first.severity,
          data: { id: first.id, ids: [first.id] },
        });
        continue;
      }
      const aspect = ctx.framework.aspects().find((a) => a.id === first.aspect);
      const args = {
        ...common,
        count: list.length,
        aspect: !aspect
          ? first.aspect
          : aspect.part === 'D'
            ? ctx.t('hkex.missing.partD', { title: localized(aspect.title, ctx.locale) })
            : localized(aspect.title, ctx.locale),
        list: list.map((f) => ctx.t('hkex.missing.item', { id: f.id, title: f.title })).join(ctx.t('list.separator')),
        ids: list.map((f) => f.id).join(' '),
      };
      ctx.report({
        range: first.range,
        message: ctx.t(guidance ? 'hkex.missing.group.guidance' : 'hkex.missing.group', args),
        severity: first.severity,
        data: { ids: list.map((f) => f.id), aspect: first.aspect },
      });
    }
  },
  fixes(d, ctx) {
    const actions: CodeAction[] = [];
    const doc = ctx.doc;
    const uri = doc.uri;
    const id = typeof d.data?.id === 'string' ? d.data.id : undefined;
    // One diagnostic may stand for several requirements of an aspect (`data.ids`): a fix per requirement, and one for all.
    const ids = Array.isArray(d.data?.ids)
      ? d.data.ids.filter((x): x is string => typeof x === 'string')
      : id
        ? [id]
        : [];
    if (!ids.length) return actions;
    const req = ctx.framework.get(ids[0]);
    const aspectSection = disclosures(doc).aspectSection(req?.aspect ?? '');
    const context = contextOf(doc, ctx.options).reporting;
    const explainable = ids.filter((x) => obligationIn(ctx.framework, x, context) !== 'mandatory');
    if (explainable.length > 1) {
      const edits = explainable.map((x) => explanationEdit(doc, x, ctx.locale, aspectSection));
      const merged = { range: edits[0].range, newText: edits.map((e) => e.newText).join('') };
      actions.push({
        title: ctx.t('action.addExplanations', { ids: explainable.join(', ') }),
        kind: 'quickfix',
        edits: { [uri]: [merged] },
        diagnostics: [d],
      });
    }
    if (aspectSection && ids.length > 1) {
      actions.push({
        title: ctx.t('action.tagSection', { section: aspectSection.heading.title, id: ids.join(' ') }),
        kind: 'quickfix',
        edits: { [uri]: [tagSectionEdit(doc, aspectSection, ids.join(' '))] },
        diagnostics: [d],
      });
    }
    for (const one of ids) {
      if (explainable.includes(one)) {
        const { edit, snippet } = explanationSnippet(doc, one, ctx.locale, aspectSection);
        actions.push({
          title: ctx.t('action.addExplanation', { id: one }),
          kind: 'quickfix',
          edits: { [uri]: [edit] },
          snippet: { uri, range: edit.range, value: snippet },
          diagnostics: [d],
          isPreferred: ids.length === 1,
        });
      }
      if (aspectSection) {
        actions.push({
          title: ctx.t('action.tagSection', { section: aspectSection.heading.title, id: one }),
          kind: 'quickfix',
          edits: { [uri]: [tagSectionEdit(doc, aspectSection, one)] },
          diagnostics: [d],
        });
      }
    }
    return actions;
  },
};

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Where to show a missing requirement: its index row; else the heading of the section that
 * discloses its aspect (where the author would add it); else the top of the file.
 */
function anchorFor(ctx: RuleContext, id: string, aspectSection: Range | undefined): Range {
  for (const table of ctx.doc.indexTables)
    for (const row of table.rows)
      if (row.refs.some((r) => r.id === id)) return row.row.cells[0]?.range ?? row.row.range;
  if (aspectSection) return aspectSection;
  const fm = ctx.doc.frontMatter;
  if (fm) return { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  const firstLine = ctx.doc.text.search(/\r|\n|$/);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(0, firstLine) } };
}
