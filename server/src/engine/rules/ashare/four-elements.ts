// ashare/four-elements: a topic found financially material (financial materiality, or both) is disclosed
// through the four elements of Chapter 2 — governance; strategy; impact, risk and opportunity management;
// metrics and targets — found as sub-headings of the topic's section (mainland and Hong Kong wording,
// Simplified or Traditional: '治理' / '管治', '战略' / '策略', '风险管理', '指标与目标').
import type { Rule } from '../rule';
import { PILLARS, pillarsIn } from '../../recognition/ashareMateriality';
import { plainCell } from '../../recognition/indexTables';
import { ashareScope } from './scope';
import { rowSection, topicRows, topicTitle } from './materialityRows';

/** The topic, and the elements its section lacks (none listed when no section was found). */
export type AshareFourElementsData = { topic: string; missing: string[] };

export const ashareFourElements: Rule<AshareFourElementsData> = {
  id: 'ashare/four-elements',
  defaultSeverity: 'warning',
  description: {
    en: 'The section of a financially material topic covers governance, strategy, impact, risk and opportunity management, and metrics and targets.',
    'zh-Hant': '具有財務重要性的議題，其章節涵蓋治理、戰略、影響、風險和機遇管理，以及指標與目標。',
    'zh-Hans': '具有财务重要性的议题，其章节涵盖治理、战略、影响、风险和机遇管理，以及指标与目标。',
  },
  run(ctx) {
    if (!ashareScope(ctx)) return;
    const sections = ctx.derived.topicSections;
    const seen = new Set<string>();
    for (const row of topicRows(ctx.derived.materialityTables)) {
      if ((row.conclusion !== 'financial' && row.conclusion !== 'both') || seen.has(row.topic)) continue;
      seen.add(row.topic);
      const title = topicTitle(ctx, row.topic);
      const section = rowSection(ctx.doc, row) ?? sections.get(row.topic);
      if (section === undefined) {
        ctx.report({
          range: row.topicCell.range,
          message: ctx.t('ashare.pillars.noSection', { topic: row.topic, title }),
          data: { topic: row.topic, missing: [] },
        });
        continue;
      }
      const found = pillarsIn(ctx.doc, section);
      const missing = PILLARS.filter((p) => !found.has(p));
      if (!missing.length) continue;
      const heading = ctx.doc.sections[section].heading;
      ctx.report({
        range: heading.titleRange,
        message: ctx.t('ashare.pillars.missing', {
          topic: row.topic,
          title,
          section: plainCell(heading.title).slice(0, 60),
          missing: missing.map((p) => ctx.t(`ashare.pillar.${p}`)).join(ctx.locale === 'en' ? ', ' : '、'),
          found: found.size,
        }),
        data: { topic: row.topic, missing },
      });
    }
  },
};
