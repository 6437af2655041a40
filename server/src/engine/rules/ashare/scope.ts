// Helpers shared by the ashare/ rules: whether the mainland exchanges' 2024 guidelines apply to the
// report (an A-share listing, or the framework claimed), which guideline, and where front matter keys are.
import type { RuleContext } from '../rule';
import type { Range } from '../../types';
import type { EsgConfig } from '../../frontmatter';
import { versionFor } from '../../catalogs/frameworks';
import { positionAt } from '../../parser/lines';
import { ASHARE_PACK, MAINLAND_LISTINGS } from '../../recognition/ashareMateriality';

export interface AshareScope {
  /** The mainland exchanges the issuer is listed on (`esg.listings`): the guideline is mandatory for them (Art. 3). */
  exchanges: string[];
  /** `ashare-2024` is in `esg.frameworks`. */
  claimed: boolean;
}

/**
 * Whether the guidelines apply: listed on a mainland exchange, or claimed, for a financial year the
 * guidelines cover (in force 1 May 2024: the first reports are for FY2025). Undefined when they do not.
 */
export function ashareScope(ctx: RuleContext): AshareScope | undefined {
  return ashareScopeOf(ctx.doc.config, ctx.reporting.fyStart);
}

/** `ashareScope` from the config and the financial year's first day (what hover shares with the rules). */
export function ashareScopeOf(config: EsgConfig, fyStart: string): AshareScope | undefined {
  const exchanges = config.listings.filter((l) => MAINLAND_LISTINGS.includes(l));
  const claimed = config.frameworks.includes(ASHARE_PACK);
  if (!exchanges.length && !claimed) return undefined;
  if (!versionFor(ASHARE_PACK, fyStart)) return undefined;
  return { exchanges, claimed };
}

/** The guideline's name for the issuer's exchange (the first mainland listing), or all three. */
export function guidelineName(ctx: Pick<RuleContext, 't'>, scope: AshareScope): string {
  const first = scope.exchanges[0];
  if (first === 'sse') return ctx.t('ashare.guideline.sse');
  if (first === 'szse') return ctx.t('ashare.guideline.szse');
  if (first === 'bse') return ctx.t('ashare.guideline.bse');
  return ctx.t('ashare.guideline.any');
}

/** The exchanges as messages name them: `SSE, HKEX`. */
export function exchangeList(exchanges: readonly string[]): string {
  return exchanges.map((e) => e.toUpperCase()).join(', ');
}

/** The `esg:` keys the ashare/ rules report at, each found by a literal pattern. */
const KEY_LINES = {
  listings: /^[ \t]+listings[ \t]*:/m,
  frameworks: /^[ \t]+frameworks[ \t]*:/m,
  published: /^[ \t]+published[ \t]*:/m,
} as const;

/** The range of a key of `esg:` in the front matter (`listings`), else the first line. */
export function frontMatterKeyRange(ctx: RuleContext, key: keyof typeof KEY_LINES): Range {
  const fm = ctx.doc.frontMatter;
  const found = fm ? KEY_LINES[key].exec(fm.yamlText) : null;
  if (!fm || !found) return { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  const at = fm.yamlStart + found.index + found[0].length - found[0].trimStart().length;
  return { start: positionAt(ctx.doc.lineStarts, at), end: positionAt(ctx.doc.lineStarts, at + key.length) };
}

/** The report's first heading (where a finding about the whole report goes), else the first line. */
export function reportRange(ctx: RuleContext): Range {
  const first = ctx.doc.sections[0];
  return first ? first.heading.titleRange : { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
}
