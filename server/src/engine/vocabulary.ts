// A company's own words (the project file's `units:` and `kpis:`), applied to one analysis. The
// catalogs stay as they are (module data, never changed at run time): after a parse, rows the catalog
// did not recognise are matched against the vocabulary of the analysis options, and a unit spelling
// the vocabulary maps is read as the known unit it names. Matching uses the catalogs' normalisation,
// so `用水總量`, `用水總量 ` and full-width variants are one label.
import type { EsgDocument } from './model';
import type { Vocabulary } from './types';
import { normalizeLabel, normalizeUnitText } from './text/normalize';

/** The key a unit spelling is matched by (as the unit catalog matches its own). */
export function unitSpellingKey(s: string): string {
  return normalizeUnitText(s).trim().toLowerCase();
}

interface Prepared {
  units: Map<string, string>;
  labels: Map<string, string>;
}

const prepared = new WeakMap<Vocabulary, Prepared>();

function prepare(vocabulary: Vocabulary): Prepared {
  let p = prepared.get(vocabulary);
  if (!p) {
    p = { units: new Map(), labels: new Map() };
    for (const [spelling, target] of Object.entries(vocabulary.units ?? {}))
      p.units.set(unitSpellingKey(spelling), target);
    for (const [kpiId, labels] of Object.entries(vocabulary.kpis ?? {})) {
      for (const label of labels) {
        const key = normalizeLabel(label);
        if (key && !p.labels.has(key)) p.labels.set(key, kpiId);
      }
    }
    prepared.set(vocabulary, p);
  }
  return p;
}

/** True when the vocabulary can change which KPI a row is (a table edit may then change the KPI evidence). */
export function namesKpis(vocabulary: Vocabulary | undefined): boolean {
  return !!vocabulary?.kpis && Object.keys(vocabulary.kpis).length > 0;
}

/**
 * Applies the vocabulary to the model's KPI rows, in place (the rows are this model's own: the parse
 * cache hands out copies). A row keeps a KPI id it already has (a `{#id}` span or the catalog); a row
 * without one gets the KPI its label is a synonym of. A unit cell whose spelling the vocabulary maps
 * gets `unit.as`, the known spelling the numbers engine and `kpi/unknown-unit` read instead. Idempotent.
 */
export function applyVocabulary(doc: EsgDocument, vocabulary: Vocabulary | undefined): void {
  if (!vocabulary) return;
  const { units, labels } = prepare(vocabulary);
  if (units.size === 0 && labels.size === 0) return;
  for (const table of doc.kpiTables) {
    for (const row of table.rows) {
      if (units.size && row.unit && row.unit.as === undefined) {
        const target = units.get(unitSpellingKey(row.unit.raw));
        if (target !== undefined) row.unit.as = target;
      }
      if (labels.size && !row.kpiId && !row.isCaption) {
        const kpiId = labels.get(normalizeLabel(row.label));
        if (kpiId) {
          row.kpiId = kpiId;
          row.kpiIdSource = 'catalog';
        }
      }
    }
  }
}
