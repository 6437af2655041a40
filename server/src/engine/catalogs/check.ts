// Schema and cross-reference checks of the catalogs, shared by the build and the tests.
import hkexData from './data/hkex-esg-2025.json';
import kpiData from './data/kpis.json';
import unitData from './data/units.json';
import { frameworkSchema, kpiCatalogSchema, unitCatalogSchema } from './schema';

export function checkCatalogs(): string[] {
  const problems: string[] = [];
  const report = (name: string, result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
    if (!result.success) for (const i of result.error!.issues) problems.push(`${name}: ${i.path.map(String).join('.')}: ${i.message}`);
  };
  const hkex = frameworkSchema.safeParse(hkexData);
  report('hkex-esg-2025', hkex);
  const kpis = kpiCatalogSchema.safeParse(kpiData);
  report('kpis', kpis);
  report('units', unitCatalogSchema.safeParse(unitData));
  if (hkex.success && kpis.success) {
    const reqIds = new Set(hkex.data.requirements.map((r) => r.id));
    const kpiIds = new Set<string>();
    for (const k of kpis.data.kpis) {
      if (kpiIds.has(k.id)) problems.push(`kpis: duplicate id ${k.id}`);
      kpiIds.add(k.id);
      for (const d of k.discloses) if (!reqIds.has(d)) problems.push(`kpis: ${k.id} discloses unknown requirement ${d}`);
    }
    for (const k of kpis.data.kpis) if (k.parent && !kpiIds.has(k.parent)) problems.push(`kpis: ${k.id} has unknown parent ${k.parent}`);
    for (const g of kpis.data.groups) if (!kpiIds.has(g.parent)) problems.push(`kpis: group ${g.synonyms[0]} has unknown parent ${g.parent}`);
    for (const r of hkex.data.requirements) {
      for (const c of r.children ?? []) if (!reqIds.has(c)) problems.push(`hkex: ${r.id} has unknown child ${c}`);
      if (r.parent && !reqIds.has(r.parent)) problems.push(`hkex: ${r.id} has unknown parent ${r.parent}`);
    }
  }
  return problems;
}
