// Go to definition: from a link or an index row to the section it names; from a requirement id
// in an index row to the sections tagged with it.
import type { Analysis } from '../analysis';
import type { Position } from '../types';
import type { Location } from './types';
import { disclosures } from '../derived';
import { targetAt } from './navigation';

export function definitionAt(analysis: Analysis, pos: Position): Location[] {
  const doc = analysis.model;
  const target = targetAt(doc, pos);
  if (!target) return [];
  const index = disclosures(doc);
  const at = (range: Location['range']): Location => ({ uri: doc.uri, range });
  if (target.kind === 'link') {
    if (!target.link.href.startsWith('#')) return [];
    let anchor = target.link.href.slice(1);
    try {
      anchor = decodeURIComponent(anchor);
    } catch {
      /* keep as written */
    }
    const s = index.sectionByAnchor(anchor);
    return s ? [at(s.heading.range)] : [];
  }
  if (target.kind === 'indexTitle') {
    const { sections } = index.resolveTarget(target.row);
    return sections.filter((s) => s && s.heading.title).map((s) => at(s!.heading.range));
  }
  if (target.kind === 'ref') {
    const ev = index.get(target.ref.id);
    const out = (ev?.sections ?? []).map((s) => at(s.heading.range));
    for (const r of ev?.kpiRows ?? []) out.push(at(r.labelRange));
    if (!out.length && target.indexRow)
      for (const s of index.resolveTarget(target.indexRow).sections) if (s) out.push(at(s.heading.range));
    return out;
  }
  return [];
}
