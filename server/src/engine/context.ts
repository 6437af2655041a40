// The reporting context of a report: which financial year it covers (start and end dates), which
// issuer class applies, and which version of the HKEX rules governs that year. Every place that needs
// an obligation (rules, hover, completion, code actions, the report model) asks here, so they agree.
//
// The Code dates its obligations by the day a financial year *commences*: the 2025 Code applies to
// financial years commencing on or after 1 January 2025, and Part D is mandatory for LargeCap issuers
// for financial years commencing on or after 1 January 2026. A year of 1 April 2025 – 31 March 2026
// therefore falls under the first phase (Part D 'comply or explain' for LargeCap), whatever year it ends in.
import type { EsgConfig } from './frontmatter';
import type { FrameworkIndex } from './catalogs/hkex';
import type { Obligation } from './catalogs/schema';
import type { AnalysisOptions, IssuerClass, Locale } from './types';
import { t } from './i18n';

/** The day the 2025 Code comes into force (financial years commencing on or after it). */
export const CODE_IN_FORCE = '2025-01-01';
/** The day Part D becomes mandatory for LargeCap issuers (financial years commencing on or after it). */
export const LARGECAP_MANDATORY = '2026-01-01';
/** Financial year assumed when the report gives no `esg.period`: the first calendar year of the Code. */
export const DEFAULT_YEAR = 2025;

export type CodeVersion =
  /** The HKEX ESG Reporting Code (Appendix C2), for years commencing on or after 1 January 2025. */
  | 'hkex-esg-2025'
  /** A year commencing before 1 January 2025: the old ESG Reporting Guide applied; the Code is guidance. */
  | 'pre-2025';

export interface ReportingContext {
  /** First day of the financial year, `YYYY-MM-DD`. */
  fyStart: string;
  /** Last day of the financial year, `YYYY-MM-DD`. */
  fyEnd: string;
  /** The year the financial year ends in (how reports and KPI columns name it: FY2025, 2025/26 → 2026). */
  fyYear: number;
  /** The year the financial year commences in: what the phase-in schedule is keyed by. */
  commencementYear: number;
  /** The report gives its period (`esg.period`); false when the Code's first year is assumed. */
  known: boolean;
  issuerClass: IssuerClass;
  codeVersion: CodeVersion;
}

/** The financial year, issuer class and rules version that apply to a report. */
export function reportingContext(
  config: EsgConfig,
  options: Pick<AnalysisOptions, 'issuerClass' | 'profile'> = {},
): ReportingContext {
  // An override (setting, --issuer-class), then the front matter, then the project file's profile.
  const issuerClass =
    options.issuerClass ??
    (config.issuerClassGiven ? config.issuerClass : options.profile?.issuerClass) ??
    config.issuerClass;
  const { from, to, known } = financialYear(
    config.yearEnd || !options.profile?.yearEnd ? config : { ...config, yearEnd: options.profile.yearEnd },
  );
  return {
    fyStart: from,
    fyEnd: to,
    fyYear: Number(to.slice(0, 4)),
    commencementYear: Number(from.slice(0, 4)),
    known,
    issuerClass,
    codeVersion: from < CODE_IN_FORCE ? 'pre-2025' : 'hkex-esg-2025',
  };
}

/** Start and end of the financial year from `esg.period` (and `esg.year-end`). */
function financialYear(config: EsgConfig): { from: string; to: string; known: boolean } {
  const p = config.period;
  if (p?.from && p.to) return { from: p.from, to: p.to, known: true };
  if (p?.to) return { from: dayAfter(yearBefore(p.to)), to: p.to, known: true };
  if (p?.from) return { from: p.from, to: dayBefore(yearAfter(p.from)), known: true };
  const year = config.year ?? DEFAULT_YEAR;
  const end = yearEndIn(year, config.yearEnd ?? '12-31');
  return { from: dayAfter(yearBefore(end)), to: end, known: config.year !== undefined };
}

/** The date `MM-DD` in `year`; 02-29 is the last day of February. */
export function yearEndIn(year: number, mmdd: string): string {
  const [m, d] = mmdd.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, m - 1, Math.min(d, last))));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}
const dayAfter = (date: string) => shift(date, 1);
const dayBefore = (date: string) => shift(date, -1);
/** The same day a year earlier; the last day of a month stays the last day (28 Feb 2025 → 29 Feb 2024). */
function yearBefore(date: string): string {
  return sameDayIn(date, Number(date.slice(0, 4)) - 1);
}
function yearAfter(date: string): string {
  return sameDayIn(date, Number(date.slice(0, 4)) + 1);
}
function sameDayIn(date: string, year: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthEnd = d === new Date(Date.UTC(y, m, 0)).getUTCDate();
  return monthEnd ? iso(new Date(Date.UTC(year, m, 0))) : yearEndIn(year, date.slice(5));
}

/**
 * The obligation of a requirement for this report's year and issuer class. For a year commencing before
 * 1 January 2025 the Code is applied as guidance: Part D is not yet phased in (voluntary), and a
 * requirement the Code deleted was still in force, so it is neither deleted nor required.
 */
export function obligationIn(framework: FrameworkIndex, id: string, rc: ReportingContext): Obligation {
  if (isDeletedIn(framework, id, rc) === false) return 'voluntary';
  return framework.obligationFor(id, rc.issuerClass, rc.commencementYear);
}

/**
 * Whether a requirement the Code deleted is deleted for this year: true when the deletion is in force
 * for a year commencing on or after its date; false for a deleted requirement in an earlier year;
 * undefined for a requirement that was never deleted.
 */
export function isDeletedIn(framework: FrameworkIndex, id: string, rc: ReportingContext): boolean | undefined {
  const req = framework.get(id) ?? framework.get(framework.normalizeId(id) ?? '');
  if (!req || req.obligation !== 'deleted') return undefined;
  return rc.fyStart >= (req.deletedFrom ?? CODE_IN_FORCE);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date for a message: `1 Apr 2025`, `2025年4月1日`. */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return locale === 'en' ? `${d} ${MONTHS[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

/**
 * The financial year as messages name it: `FY2025` for a calendar year (`2025 財政年度`), else its
 * dates, `FY 1 Apr 2025 – 31 Mar 2026` (`2025年4月1日至2026年3月31日財政年度`).
 */
export function fyLabel(rc: ReportingContext, locale: Locale): string {
  const calendar = rc.fyStart.endsWith('-01-01') && rc.fyEnd === `${rc.fyStart.slice(0, 4)}-12-31`;
  const fy = locale === 'zh-Hans' ? '财政年度' : '財政年度';
  if (calendar) return locale === 'en' ? `FY${rc.fyYear}` : `${rc.fyYear} ${fy}`;
  if (locale === 'en') return `FY ${formatDate(rc.fyStart, locale)} – ${formatDate(rc.fyEnd, locale)}`;
  return `${formatDate(rc.fyStart, locale)}至${formatDate(rc.fyEnd, locale)}${fy}`;
}

/**
 * Which rule of the Code applies to this year and issuer class, in a sentence: `commencing before
 * 1 Jan 2026: Part D is 'comply or explain' for LargeCap issuers`.
 */
export function ruleApplied(rc: ReportingContext, locale: Locale): string {
  const date = (d: string) => formatDate(d, locale);
  if (rc.codeVersion === 'pre-2025') return t(locale, 'context.preCode', { date: date(CODE_IN_FORCE) });
  if (rc.issuerClass === 'largecap') {
    return rc.fyStart < LARGECAP_MANDATORY
      ? t(locale, 'context.largecapPhase1', { date: date(LARGECAP_MANDATORY) })
      : t(locale, 'context.largecapPhase2', { date: date(LARGECAP_MANDATORY) });
  }
  return t(locale, rc.issuerClass === 'gem' ? 'context.gem' : 'context.mainBoard', { date: date(CODE_IN_FORCE) });
}

/** `FY 1 Apr 2025 – 31 Mar 2026, commencing before 1 Jan 2026: Part D is …` (hover, coverage view). */
export function describeContext(rc: ReportingContext, locale: Locale): string {
  const assumed = rc.known ? '' : t(locale, 'context.assumed');
  return `${fyLabel(rc, locale)}${assumed}${locale === 'en' ? ', ' : '，'}${ruleApplied(rc, locale)}`;
}
