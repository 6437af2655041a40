// Typed shapes of the catalogs (data files under ./data), with zod schemas.
// The build script and the catalog tests validate the data against these schemas,
// so a rule can trust the catalog without re-checking it at run time.
import * as z from 'zod';

const localized = z.object({
  en: z.string().min(1),
  'zh-Hant': z.string().min(1),
  'zh-Hans': z.string().min(1),
});

const source = z.object({
  /** What the fact was taken from: a seed file and line, a named publication, or `own_label`. */
  ref: z.string().min(1),
  note: z.string().optional(),
});

export const obligationSchema = z.enum(['mandatory', 'comply-or-explain', 'voluntary', 'deleted']);
export type Obligation = z.infer<typeof obligationSchema>;

export const issuerClassSchema = z.enum(['main-board', 'largecap', 'gem']);

/** Obligation per issuer class as a list of `{fromYear, obligation}` steps (first year a step applies). */
const phaseSteps = z
  .array(z.object({ fromYear: z.number().int().min(2000).max(2100), obligation: obligationSchema }))
  .min(1);

export const requirementSchema = z.object({
  id: z.string().regex(/^(MDR-[a-z]+|[AB]\d(\.\d+)?|D\d{2}(\([a-z]\))?)$/),
  part: z.enum(['B', 'C', 'D']),
  /** Aspect id (`A1`..`B8`) for Part C; the pillar for Part D; the topic for Part B. */
  aspect: z.string().min(1),
  aspectTitle: localized,
  kind: z.enum(['mandatory', 'general-disclosure', 'kpi', 'climate']),
  obligation: obligationSchema,
  /** Part D: the obligation by issuer class and financial year (overrides `obligation`). */
  phaseIn: z.record(issuerClassSchema, phaseSteps).optional(),
  /** Sub-entries (D28 -> D28(a)..(c)) and the parent of a sub-entry. */
  children: z.array(z.string()).optional(),
  parent: z.string().optional(),
  /** Paragraph number for Part D. */
  paragraph: z.number().int().optional(),
  title: localized,
  /** The requirement's text: zh-Hant verbatim from a published reproduction; see sources. */
  text: localized,
  /** Day a deleted requirement stopped applying (`YYYY-MM-DD`). */
  deletedFrom: z.string().optional(),
  /**
   * Headings under which index tables list the requirement instead of its id, in any of the three
   * languages: Part D topic and paragraph headings ('Climate resilience', '氣候韌性', 'Transition plans'),
   * and the reporting principles of Part B ('Materiality', '重要性'). A heading shared by several
   * paragraphs ('Greenhouse gas emissions': D28, D29) is listed on each of them.
   */
  indexNames: z.array(z.string().min(1)).optional(),
  sources: z.array(source).min(1),
  notes: z.array(z.string()).optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const frameworkSchema = z.object({
  id: z.string().min(1),
  title: localized,
  publisher: z.string().min(1),
  appliesTo: z.string().min(1),
  sources: z.array(source).min(1),
  requirements: z.array(requirementSchema).min(1),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const dimensionSchema = z.enum([
  'mass',
  'co2e',
  'energy',
  'volume',
  'money',
  'count',
  'time',
  'percent',
  'area',
  'length',
  'ratio',
  'dimensionless',
]);
export type Dimension = z.infer<typeof dimensionSchema>;

export const kpiSchema = z.object({
  /** Dotted id, e.g. `ghg.scope1`, `employees.gender.female`. */
  id: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)*$/),
  names: localized,
  /** Other spellings seen in reports, in any language; matched after normalisation. */
  synonyms: z.array(z.string().min(1)),
  /** What the figure measures; for an intensity, the numerator's dimension over `per`. */
  dimension: dimensionSchema,
  /** For intensities and rates: what the figure is divided by (`revenue`, `employees`, ...). */
  per: z.string().optional(),
  /** HKEX requirement ids (catalog ids) the figure discloses. */
  discloses: z.array(z.string()),
  /** Parent KPI for breakdown members (the sum of the members equals the parent). */
  parent: z.string().optional(),
  /** Breakdown this member belongs to: gender, age, region, rank, employment-type, education, scope3-category ... */
  breakdown: z.string().optional(),
  /** Typical unit as written, for snippets and completions. */
  unit: z.string().optional(),
});
export type KpiDefinition = z.infer<typeof kpiSchema>;

/**
 * Group labels of two-column KPI tables ('按性別劃分的員工人數' | '男性員工'): a group names a parent
 * KPI and a breakdown; its member labels are matched against the breakdown's member names.
 */
export const kpiGroupSchema = z.object({
  parent: z.string(),
  breakdown: z.string(),
  synonyms: z.array(z.string().min(1)).min(1),
});

export const kpiCatalogSchema = z.object({
  id: z.string(),
  sources: z.array(source).min(1),
  kpis: z.array(kpiSchema).min(1),
  groups: z.array(kpiGroupSchema),
});
export type KpiCatalog = z.infer<typeof kpiCatalogSchema>;

export const unitSchema = z.object({
  /** Canonical symbol, e.g. `tCO2e`, `kWh`, `m3`. */
  id: z.string().min(1),
  dimension: dimensionSchema,
  /** Factor to the dimension's base unit (t, tCO2e, kWh, m3, CNY, 1, h, %). */
  factor: z.number().positive(),
  /** Spellings in reports, matched after normalisation (full-width, spaces, sub/superscripts). */
  spellings: z.array(z.string().min(1)).min(1),
  names: localized,
  source: z.string().optional(),
});
export type UnitDefinition = z.infer<typeof unitSchema>;

export const unitCatalogSchema = z.object({
  id: z.string(),
  sources: z.array(source).min(1),
  units: z.array(unitSchema).min(1),
  /** Words that qualify a denominator without changing it: `萬元收入` is `萬元` of revenue. */
  denominatorQualifiers: z.array(z.object({ word: z.string().min(1), denominator: z.string().min(1) })),
});
export type UnitCatalog = z.infer<typeof unitCatalogSchema>;

// ---- Emission factors and energy coefficients (data/factors.json) ----

export const factorKindSchema = z.enum([
  'grid',
  'electricity-footprint',
  'fuel-ncv',
  'fuel-carbon-content',
  'fuel-co2',
  'fuel-ch4',
  'fuel-n2o',
  'standard-coal',
  'energy-definition',
  'gwp',
]);
export type FactorKind = z.infer<typeof factorKindSchema>;

const factorSource = z.object({
  title: z.string().min(1),
  /** The publication's Chinese title where it has one. */
  titleZh: z.string().optional(),
  titleZhHans: z.string().optional(),
  publisher: z.string().min(1),
  /** As known: `2024-12-20`, `2006`, or a sentence saying what could not be verified. */
  date: z.string().min(1),
  url: z
    .string()
    .regex(/^https?:\/\//)
    .optional(),
});

export const factorSchema = z
  .object({
    /** Stable readable id used in front matter (`cn-grid-2023`, `ipcc2006-diesel-co2`, `gwp-ar6-ch4-fossil`). */
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
    /** Other ids that resolve to this entry (the shared reference's ids). */
    aliases: z.array(z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)).optional(),
    kind: factorKindSchema,
    /** Dated series the entry belongs to (`cn-grid:CN:average`); newer entries of a series supersede older ones. */
    series: z.string().optional(),
    names: localized,
    value: z.number().positive(),
    /** The value exactly as published ('0.5500'): its decimals are the published precision. */
    printed: z.string().regex(/^\d+(\.\d+)?$/),
    /** Parseable by `parseUnit` (checked in check.ts). */
    unit: z.string().min(1),
    /** Data year for dated factors; publication or edition year for defaults (IPCC 2006, GB/T 2589-2008, AR6). */
    year: z.number().int().min(1990).max(2100),
    /** Region code: `CN`, `CN-grid-north`, `CN-HE` (ISO 3166-2), `HK`, `global`; see `regions`. */
    region: z.string().min(1),
    gas: z.string().optional(),
    basis: z.string().min(1),
    fuel: z.string().optional(),
    table: z.string().optional(),
    edition: z.string().optional(),
    /** Oxidation rate built into a CO2 factor (Chinese defaults use 0.98-0.99). */
    oxidation: z.number().positive().max(1).optional(),
    source: factorSource,
    /** Where the value was confirmed: a seed file and line, or a public page. */
    verified: z.array(z.string().min(1)).min(1),
    notes: z.string().optional(),
  })
  .strict()
  .refine((f) => Number(f.printed) === f.value, { message: 'printed and value differ', path: ['printed'] });
export type EmissionFactor = z.infer<typeof factorSchema>;

export const factorRegionSchema = z.object({
  code: z.string().min(1),
  names: localized,
  /** Words that name the region in prose (全國, 華北, North China ...), matched as written. */
  synonyms: z.array(z.string().min(1)),
});
export type FactorRegion = z.infer<typeof factorRegionSchema>;

export const scope3CategorySchema = z.object({
  n: z.number().int().min(1).max(15),
  id: z.string().regex(/^scope3\.c([1-9]|1[0-5])$/),
  direction: z.enum(['upstream', 'downstream']),
  names: localized,
  /** Other names seen in reports (the seeds' wordings), in any script. */
  synonyms: z.array(z.string().min(1)),
  namesSource: z.string().min(1),
});
export type Scope3Category = z.infer<typeof scope3CategorySchema>;

export const factorCatalogSchema = z.object({
  id: z.string(),
  sources: z.array(source).min(1),
  regions: z.array(factorRegionSchema).min(1),
  factors: z.array(factorSchema).min(1),
  scope3Categories: z.array(scope3CategorySchema).length(15),
});
export type FactorCatalog = z.infer<typeof factorCatalogSchema>;
