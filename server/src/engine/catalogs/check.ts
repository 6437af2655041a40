// Schema and cross-reference checks of the catalogs, shared by the build and the tests.
import hkexData from './data/hkex-esg-2025.json';
import kpiData from './data/kpis.json';
import unitData from './data/units.json';
import factorData from './data/factors.json';
import { parseUnit } from './units';
import { checkFrameworkPacks } from './frameworksCheck';
import { factorCatalogSchema, frameworkSchema, kpiCatalogSchema, unitCatalogSchema } from './schema';

export function checkCatalogs(): string[] {
  const problems: string[] = [];
  const report = (
    name: string,
    result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
  ) => {
    if (!result.success)
      for (const i of result.error!.issues) problems.push(`${name}: ${i.path.map(String).join('.')}: ${i.message}`);
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
      for (const d of k.discloses)
        if (!reqIds.has(d)) problems.push(`kpis: ${k.id} discloses unknown requirement ${d}`);
    }
    for (const k of kpis.data.kpis)
      if (k.parent && !kpiIds.has(k.parent)) problems.push(`kpis: ${k.id} has unknown parent ${k.parent}`);
    for (const g of kpis.data.groups)
      if (!kpiIds.has(g.parent)) problems.push(`kpis: group ${g.synonyms[0]} has unknown parent ${g.parent}`);
    for (const r of hkex.data.requirements) {
      for (const c of r.children ?? []) if (!reqIds.has(c)) problems.push(`hkex: ${r.id} has unknown child ${c}`);
      if (r.parent && !reqIds.has(r.parent)) problems.push(`hkex: ${r.id} has unknown parent ${r.parent}`);
      if (r.indexNames && r.part === 'C')
        problems.push(`hkex: ${r.id} has index names, but Part C rows are read by id`);
      if (r.indexNames && new Set(r.indexNames).size !== r.indexNames.length)
        problems.push(`hkex: ${r.id} lists an index name twice`);
    }
  }
  problems.push(...checkFactorCatalog());
  problems.push(...checkFrameworkPacks());
  return problems;
}

/** Emission factors: schema, unique ids and aliases, units that parse, known regions, coherent series. */
function checkFactorCatalog(): string[] {
  const problems: string[] = [];
  const parsed = factorCatalogSchema.safeParse(factorData);
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push(`factors: ${i.path.map(String).join('.')}: ${i.message}`);
    return problems;
  }
  const { factors, regions, scope3Categories } = parsed.data;
  const regionCodes = new Set(regions.map((r) => r.code));
  const ids = new Set<string>();
  const series = new Map<string, { kind: string; unit: string; region: string; years: Set<number> }>();
  for (const f of factors) {
    for (const id of [f.id, ...(f.aliases ?? [])]) {
      if (ids.has(id)) problems.push(`factors: duplicate id ${id}`);
      ids.add(id);
    }
    const unit = parseUnit(f.unit);
    if (!unit.ok) problems.push(`factors: ${f.id} has a unit that does not parse: ${f.unit} (${unit.unknown})`);
    if (!regionCodes.has(f.region)) problems.push(`factors: ${f.id} has unknown region ${f.region}`);
    if (f.series) {
      const s = series.get(f.series) ?? { kind: f.kind, unit: f.unit, region: f.region, years: new Set<number>() };
      if (s.kind !== f.kind || s.unit !== f.unit || s.region !== f.region)
        problems.push(`factors: ${f.id} differs in kind, unit or region from series ${f.series}`);
      if (s.years.has(f.year)) problems.push(`factors: series ${f.series} has two entries for ${f.year}`);
      s.years.add(f.year);
      series.set(f.series, s);
    }
  }
  const numbers = scope3Categories.map((c) => c.n).sort((a, b) => a - b);
  if (numbers.join() !== Array.from({ length: 15 }, (_, i) => i + 1).join())
    problems.push('factors: Scope 3 categories are not exactly 1-15');
  for (const c of scope3Categories)
    if (c.id !== `scope3.c${c.n}`) problems.push(`factors: Scope 3 category ${c.n} has id ${c.id}`);
  return problems;
}
