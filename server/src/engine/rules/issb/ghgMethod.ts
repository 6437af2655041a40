// What the issb/ GHG method rules share: which ISSB pack the report claims and in which version, its GHG
// facts (the KPIs recognised once for every framework: a Scope 1 figure is HKEX D28(a), GRI 305-1 and
// IFRS S2 29(a)(i)(1)), and the lines of its text that state the method (GWP source, categories).
import type { RuleContext } from '../rule';
import type { Fact } from '../../numbers/facts';
import type { Range } from '../../types';
import { lineRange } from '../../parser/lines';
import { packScopes, type PackScope } from '../gri/packRefs';
import { ISSB_PACKS } from './family';

/** Longest text searched for method statements (a whole report; the search is one linear pass per pattern). */
const MAX_TEXT = 4_000_000;

/** The claimed ISSB pack the GHG method is checked against: HKFRS S2 before IFRS S2 when a report claims both. */
export function issbClaim(ctx: RuleContext): PackScope | undefined {
  return packScopes(ctx, ISSB_PACKS).find((s) => s.claimed);
}

/** The report's facts of the KPIs `ids` (table facts first). */
export function ghgFacts(ctx: RuleContext, ...ids: string[]): Fact[] {
  const all = ctx.derived.facts.all.filter((f) => ids.includes(f.kpiId));
  return [...all.filter((f) => f.source === 'table'), ...all.filter((f) => f.source !== 'table')];
}

/** Where a finding about a fact goes: its row's label, else the figure. */
export function factPlace(f: Fact): Range {
  return f.row?.labelRange ?? f.range;
}

/** A line of the text matching `pattern`, with the match's range; the front matter is skipped. */
export interface LineMatch {
  line: number;
  text: string;
  match: RegExpExecArray;
  range: Range;
}

/**
 * Each line of the report's body with a match of `pattern`, when `filter` (if given) matches the line or,
 * with `window`, one of the `window` lines before or after it (text wrapped at a fixed width splits a
 * sentence: 'GWP values of the IPCC' / 'Sixth Assessment Report').
 */
export function matchingLines(ctx: RuleContext, pattern: RegExp, filter?: RegExp, window = 0): LineMatch[] {
  const doc = ctx.doc;
  const text = doc.text.length > MAX_TEXT ? doc.text.slice(0, MAX_TEXT) : doc.text;
  const firstLine = doc.frontMatter ? doc.frontMatter.range.end.line + 1 : 0;
  const out: LineMatch[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let line = firstLine; line < lines.length; line++) {
    const t = lines[line];
    // A comment is no statement of the report (a marker, a note to the author).
    if (t.trimStart().startsWith('<!--')) continue;
    const match = pattern.exec(t);
    if (!match) continue;
    if (filter && !lines.slice(Math.max(firstLine, line - window), line + window + 1).some((l) => filter.test(l)))
      continue;
    out.push({ line, text: t, match, range: lineRange(line, match.index, match.index + match[0].length) });
  }
  return out;
}

/** The report states it applies the December 2025 amendments (or a standard) early. */
export const EARLY_APPLICATION =
  /early appl(?:ication|ied|y)|applied early|提前採用|提前采用|提前應用|提前应用|提早採用|提早采用/i;
