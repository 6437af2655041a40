// issb/scope3-categories: a report claiming IFRS S2 / HKFRS S2 that discloses Scope 3 emissions says which
// of the GHG Protocol's 15 categories they include (29(a)(vi)(1)): category rows, the Scope 3 row's label
// ('Scope 3 (categories 1, 2 and 11)'), or the categories named in the section of the Scope 3 figure or in
// a section tagged for Scope 3 (HKEX D28(c), IFRS S2 / HKFRS S2 29(a)(vi)(1) or a paragraph above it).
import type { Rule } from '../rule';
import type { Section } from '../../model';
import { itemsOverlap } from '../../catalogs/frameworks';
import { within } from '../gri/packRefs';
import { factPlace, ghgFacts, issbClaim, matchingLines } from './ghgMethod';

export type IssbScope3CategoriesData = Record<string, never>;

const CATEGORY =
  /categor(?:y|ies)\s*\d{1,2}|cat\.\s*\d{1,2}|類別\s*\d{1,2}|类别\s*\d{1,2}|第\s*\d{1,2}\s*(?:類|类)|第[一二三四五六七八九十]{1,3}(?:類|类)/i;

export const issbScope3Categories: Rule<IssbScope3CategoriesData> = {
  id: 'issb/scope3-categories',
  defaultSeverity: 'warning',
  description: {
    en: 'A report under IFRS S2 / HKFRS S2 that discloses Scope 3 emissions lists the categories included (29(a)(vi)(1)).',
    'zh-Hant': '按 IFRS S2／HKFRS S2 披露範圍 3 排放的報告列出所包括的類別（第 29(a)(vi)(1) 段）。',
    'zh-Hans': '按 IFRS S2／HKFRS S2 披露范围 3 排放的报告列出所包括的类别（第 29(a)(vi)(1) 段）。',
  },
  run(ctx) {
    const scope = issbClaim(ctx);
    if (!scope) return;
    const scope3 = ghgFacts(ctx, 'ghg.scope3');
    if (!scope3.length) return;
    if (ctx.derived.facts.all.some((f) => f.kpiId.startsWith('ghg.scope3.cat'))) return;
    if (scope3.some((f) => CATEGORY.test(f.row?.label ?? ''))) return;
    const doc = ctx.doc;
    const innermost = (line: number): Section | undefined => {
      let found: Section | undefined;
      for (const s of doc.sections)
        if (within(s, line) && (!found || s.range.start.line > found.range.start.line)) found = s;
      return found;
    };
    const places = new Set<Section>();
    for (const f of scope3) {
      const s = innermost(f.range.start.line);
      if (s) places.add(s);
    }
    for (const s of doc.sections) if (s.tags.some((t) => t.known && t.id === 'D28(c)')) places.add(s);
    for (const t of ctx.derived.packTags)
      if (t.known && t.section !== undefined && t.pack === scope.pack && itemsOverlap(t.pack, t.id, '29(a)(vi)(1)'))
        places.add(doc.sections[t.section]);
    const named = matchingLines(ctx, CATEGORY);
    if (named.some((m) => [...places].some((s) => within(s, m.line)))) return;
    const f = scope3[0];
    ctx.report({
      range: factPlace(f),
      message: ctx.t('issb.scope3Categories', {
        framework: scope.name,
        value: `${f.raw}${f.unitRaw ? ` ${f.unitRaw}` : ''}`,
      }),
      data: {},
    });
  },
};
