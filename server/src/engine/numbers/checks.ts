// A check is one relation applied to one reported figure: the formula, its inputs, the value the
// inputs imply (in the figure's unit, as an interval) and whether the printed figure can be it.
// Rules turn failed checks into diagnostics; hover, CodeLens and the preview show all of them.
import type { EsgDocument } from '../model';
import type { Locale, RelatedLocation } from '../types';
import { t, tFromKey } from '../i18n';
import { factInterval, type Fact } from './facts';
import { formatNumber, inUnit, meets, midpoint, usesThousands, type Interval, type Quantity } from './quantity';

export interface CheckInput {
  label: string;
  /** 'ghg.scope1@2025', or 'denominators.revenue' ... */
  ref: string;
  fact?: Fact;
  /** Printed text of the input: its value and unit ('57.15 噸二氧化碳當量', '3,029.5 百萬元'). */
  text: string;
  /** The input's period, when it is not the period of the check (`ghg.total@2024` in a 2025 check). */
  period?: string;
}

export interface Check {
  /** Rule that reports the check when it fails. */
  rule: string;
  target: Fact;
  /** The relation in words, with the report's labels: '範圍 1 + 範圍 2 = 溫室氣體排放總量'. */
  formula: string;
  inputs: CheckInput[];
  /** What the inputs imply, in the target's unit. */
  computed: Interval;
  ok: boolean;
  /** Extra sentence for the message (e.g. which other factor the figure agrees with). */
  note?: string;
  /** The same, as a message key, for producers that have no locale (rendered with the diagnostic). */
  noteKey?: { key: string; args: Record<string, string | number> };
  /** Extra data for quick fixes (merged into the diagnostic's data). */
  data?: Record<string, unknown>;
  /** The severity when it fails, when not the rule's own (a shortfall a partial list explains is information). */
  severity?: 'information';
}

/** Compares a reported figure with a computed quantity; undefined when the units cannot be compared. */
export function compareFact(target: Fact, computed: Quantity): { ok: boolean; computed: Interval } | undefined {
  if (!target.quantity) return undefined;
  const inTarget = inUnit(computed, target.unit);
  if (!inTarget || !Number.isFinite(inTarget.lo) || !Number.isFinite(inTarget.hi)) return undefined;
  return { ok: meets(factInterval(target), inTarget), computed: inTarget };
}

/** The computed value printed like the reported one (same decimals and thousands style). */
export function printLike(target: Fact, value: Interval): string {
  return formatNumber(
    midpoint(value),
    target.decimals,
    usesThousands(target.raw) || Math.abs(midpoint(value)) >= 10000,
  );
}

export function factText(f: Fact): string {
  // A '%' (in the cell or as the row's unit) is written against the number, other units after a space.
  return `${f.raw}${f.unitRaw && f.unitRaw !== '%' ? ` ${f.unitRaw}` : f.percentSign || f.unitRaw === '%' ? '%' : ''}`;
}

/** The first characters of the marks `cleanLabel` takes off. */
const LABEL_MARK_STARTS = new Set(['其', 'o', 'O', '•', '·', '-', '–', '—']);

/** A row label without the marks that make it a part of the row above ('其中：', '•', '-'). */
export function cleanLabel(label: string): string {
  // Most labels carry no mark: only those starting with a mark's first character are searched.
  if (!LABEL_MARK_STARTS.has(label.trimStart().charAt(0))) return label.trim() || label;
  return label.replace(/^\s*(?:其中\s*[:：]|of which\s*:?|[•·\-–—]\s*)\s*/i, '').trim() || label;
}

export function inputOf(f: Fact): CheckInput {
  const label = cleanLabel(f.label);
  return {
    label: f.row?.group ? `${f.row.group} / ${label}` : label,
    ref: `${f.kpiId}@${f.period}`,
    fact: f,
    text: factText(f),
  };
}

/**
 * The inputs of a message: each once, as `label value unit`, with its period when it differs from the
 * check's (`溫室氣體排放總量 (2024) 250.3 噸`). A label that is the reference itself is not repeated.
 */
export function formatInputs(inputs: readonly CheckInput[], period?: string): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const i of inputs) {
    // The same figure twice (a KPI used twice in a formula) is one input; rows without a KPI id share an empty ref.
    const key = i.fact ? `${i.fact.range.start.line}:${i.fact.range.start.character}` : `${i.ref}@${i.period ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const when = i.period && i.period !== period ? ` (${i.period})` : '';
    const text = i.text && i.text !== i.label ? ` ${i.text}` : '';
    parts.push(`${i.label}${when}${text}`);
  }
  return parts.join('; ');
}

/**
 * The diagnostic parts of each check, the last asked for (locale and document): a check the derived layer carries
 * to a later version (numbers/factDeps.ts) is the same object and says the same. Never mutated: a rule
 * copies what it reports.
 */
const diagnosticsOfChecks = new WeakMap<
  Check,
  { locale: Locale; uri: string; diagnostic: ReturnType<typeof buildCheckDiagnostic> }
>();

/** The diagnostic parts of a failed check: message, related locations, data for the quick fix. */
export function checkDiagnostic(doc: EsgDocument, check: Check, locale: Locale) {
  const uri = doc.uri;
  const known = diagnosticsOfChecks.get(check);
  if (known && known.locale === locale && known.uri === uri) return known.diagnostic;
  const diagnostic = buildCheckDiagnostic(doc, check, locale);
  diagnosticsOfChecks.set(check, { locale, uri, diagnostic });
  return diagnostic;
}

function buildCheckDiagnostic(doc: EsgDocument, check: Check, locale: Locale) {
  const computed = printLike(check.target, check.computed);
  // A whole-number figure ('31%') gets the computed value with two decimals in brackets (40 (39.67)).
  const precise = formatNumber(midpoint(check.computed), 2, usesThousands(check.target.raw));
  const shown =
    check.target.decimals === 0 && Number(precise.replace(/,/g, '')) !== Number(computed.replace(/,/g, ''))
      ? `${computed} (${precise})`
      : computed;
  const inputs = formatInputs(check.inputs, check.target.period);
  // A formula of numbers only has no inputs to list: its message says so instead of 'Inputs: .'.
  const message =
    t(locale, inputs ? 'numbers.mismatch' : 'numbers.mismatchNoInputs', {
      formula: check.formula,
      period: check.target.period,
      computed: shown,
      reported: factText(check.target),
      inputs,
    }) +
    (check.note ? ` ${check.note}` : '') +
    (check.noteKey ? ` ${tFromKey(locale, check.noteKey.key, check.noteKey.args)}` : '');
  const related: RelatedLocation[] = check.inputs
    .filter((i) => i.fact)
    .map((i) => ({ uri: doc.uri, range: i.fact!.range, message: `${i.label}: ${i.text}` }));
  return {
    range: check.target.range,
    message,
    related,
    data: {
      kind: 'replace-value',
      computed: midpoint(check.computed),
      decimals: check.target.decimals,
      text: computed,
      ...check.data,
    },
  };
}
