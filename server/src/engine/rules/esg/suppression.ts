// esg/suppression: findings silenced on purpose, with a reason a reviewer can read.
//
//   <!-- esgmark-disable-next-line kpi/sum-mismatch -- restated in the 2025 annual report -->
//   <!-- esgmark-disable hkex/index-untagged -- the index follows the printed report -->
//   ...
//   <!-- esgmark-enable hkex/index-untagged -->
//
// An HTML comment on a line of its own (Pandoc renders none of them). `disable-next-line` covers the
// next line that is not blank; when that line starts a table, the whole table. `disable` covers the
// lines down to the matching `enable` (or the end of the report). No rule id means every rule. The
// silenced diagnostics are kept (with the reason) for `check --format json` and the views; a
// suppression without a reason, with an unknown rule id, or that silences nothing is itself reported.
import type { EsgDocument } from '../../model';
import { LineKind, parseStateOf } from '../../parser/document';
import { lineText, positionAt } from '../../parser/lines';
import { t, type MessageKey } from '../../i18n';
import type { AnalysisOptions, Diagnostic, Locale, Range } from '../../types';
import type { RuleInfo } from '../rule';

export const suppressionRule: RuleInfo = {
  id: 'esg/suppression',
  defaultSeverity: 'warning',
  description: {
    en: 'Every `esgmark-disable` comment names known rules, gives a reason, and silences something.',
    'zh-Hant': '每個 `esgmark-disable` 註解都列明已知規則、說明理由，並確實抑制了某項發現。',
    'zh-Hans': '每个 `esgmark-disable` 注释都列明已知规则、说明理由，并确实抑制了某项发现。',
  },
};

/** A diagnostic silenced by a suppression comment, with the comment's reason. */
export interface SuppressedDiagnostic extends Diagnostic {
  reason: string;
  /** Where the suppression comment is. */
  suppressedBy: Range;
}

interface Suppression {
  kind: 'next-line' | 'block';
  /** Rule ids; empty for every rule. */
  rules: string[];
  reason: string;
  range: Range;
  from: number;
  /** Last line covered (inclusive). */
  to: number;
  used: boolean;
}

// Comment alone on its line: `<!-- esgmark-disable[-next-line] rules -- reason -->`.
const COMMENT = /^\s{0,3}<!--\s*esgmark-(disable-next-line|disable|enable)(?=[\s-]|$)(.*?)-->\s*$/;

function parseBody(body: string): { rules: string[]; reason: string } {
  const dash = body.search(/(?:^|\s)--(?:\s|$)/);
  const ids = dash < 0 ? body : body.slice(0, dash);
  const reason =
    dash < 0
      ? ''
      : body
          .slice(dash)
          .replace(/^\s*--\s*/, '')
          .trim();
  return { rules: ids.split(/[\s,]+/).filter(Boolean), reason };
}

const isTableStart = (kind: number) => kind === LineKind.TableHeader;
const isTableLine = (kind: number) =>
  kind === LineKind.TableHeader || kind === LineKind.TableDelimiter || kind === LineKind.TableRow;

/** The lines holding `word`, in order, found by searching the text (not line by line: a report has thousands). */
function linesWith(doc: EsgDocument, word: string): number[] {
  const out: number[] = [];
  const { text, lineStarts } = doc;
  for (let at = text.indexOf(word); at >= 0;) {
    const line = positionAt(lineStarts, at).line;
    out.push(line);
    if (line + 1 >= lineStarts.length) break;
    at = text.indexOf(word, lineStarts[line + 1]);
  }
  return out;
}

/** The suppressions a report writes, in order; [] at the cost of one `includes` for a report with none. */
function findSuppressions(doc: EsgDocument): Suppression[] {
  if (!doc.text.includes('esgmark-')) return [];
  const kinds = parseStateOf(doc)?.kinds;
  const lines = doc.lineStarts.length;
  const found: Suppression[] = [];
  const open: Suppression[] = [];
  for (const line of linesWith(doc, 'esgmark-')) {
    const kind = kinds?.[line];
    // A comment inside a code block or the front matter is text, not a directive.
    if (kind === LineKind.Code || kind === LineKind.Fence || kind === LineKind.FrontMatter) continue;
    const text = lineText(doc.text, doc.lineStarts, line) ?? '';
    if (!text.includes('esgmark-')) continue;
    const m = COMMENT.exec(text);
    if (!m) continue;
    const { rules, reason } = parseBody(m[2]);
    const range = { start: { line, character: 0 }, end: { line, character: text.length } };
    if (m[1] === 'enable') {
      for (const s of open) {
        if (s.to !== lines - 1) continue;
        if (rules.length === 0 || s.rules.length === 0 || s.rules.every((r) => rules.includes(r))) s.to = line;
      }
      continue;
    }
    if (m[1] === 'disable') {
      const s: Suppression = { kind: 'block', rules, reason, range, from: line + 1, to: lines - 1, used: false };
      found.push(s);
      open.push(s);
      continue;
    }
    let next = line + 1;
    while (
      next < lines &&
      (kinds ? kinds[next] === LineKind.Blank : (lineText(doc.text, doc.lineStarts, next) ?? '').trim() === '')
    )
      next++;
    let to = next;
    if (kinds && next < lines && isTableStart(kinds[next])) while (to + 1 < lines && isTableLine(kinds[to + 1])) to++;
    found.push({ kind: 'next-line', rules, reason, range, from: next, to: Math.min(to, lines - 1), used: false });
  }
  return found;
}

/** The suppression that covers a finding of `rule` on `line` (of the whole report), if any. */
function coverOf(suppressions: readonly Suppression[], rule: string, line: number): Suppression | undefined {
  return suppressions.find((s) => line >= s.from && line <= s.to && (s.rules.length === 0 || s.rules.includes(rule)));
}

export interface Suppressed {
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
}

/**
 * Removes the diagnostics the report's suppression comments cover, and adds the `esg/suppression`
 * findings about the comments themselves. Pure: the same diagnostics and text give the same result.
 */
export function applySuppressions(
  doc: EsgDocument,
  diagnostics: Diagnostic[],
  locale: Locale,
  options: AnalysisOptions,
  knownRules: ReadonlySet<string>,
): Suppressed {
  const suppressions = findSuppressions(doc);
  if (suppressions.length === 0) return { diagnostics, suppressed: [] };
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const by = d.rule === suppressionRule.id ? undefined : coverOf(suppressions, d.rule, d.range.start.line);
    if (!by) {
      kept.push(d);
      continue;
    }
    by.used = true;
    suppressed.push({ ...d, reason: by.reason, suppressedBy: by.range });
  }
  const override = options.severity?.[suppressionRule.id];
  if (override !== 'off') {
    const report = (s: Suppression, key: MessageKey, args: Record<string, string | number> = {}) =>
      kept.push({
        uri: doc.uri,
        rule: suppressionRule.id,
        range: s.range,
        severity: override ?? suppressionRule.defaultSeverity,
        message: t(locale, key, args),
        data: { key },
      });
    for (const s of suppressions) {
      const unknown = s.rules.filter((r) => !knownRules.has(r));
      if (unknown.length) report(s, 'suppress.unknownRule', { rules: unknown.join(', ') });
      if (!s.reason) report(s, 'suppress.noReason');
      // The cross-report checks run after this analysis (on the linked reports): whether such a
      // suppression is used cannot be told here, so it is never called unused.
      const crossOnly = s.rules.length > 0 && s.rules.every((r) => r.startsWith('xreport/'));
      if (!s.used && !crossOnly && unknown.length < Math.max(1, s.rules.length))
        report(s, 'suppress.unused', { rules: s.rules.join(', ') || '*' });
    }
    kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return { diagnostics: kept, suppressed };
}

/**
 * The report's suppression comments applied to the cross-report findings, which are computed after the
 * analysis (they need the linked reports). `lineOf` gives a finding's line in the whole report (a
 * multi-file report's findings are in their files' lines), `place` a comment's range as the findings
 * give theirs. The comments' own problems were reported by `applySuppressions` already.
 */
export function suppressCrossReport(
  doc: EsgDocument,
  diagnostics: readonly Diagnostic[],
  lineOf: (d: Diagnostic) => number,
  place: (range: Range) => Range = (range) => range,
): Suppressed {
  const suppressions = diagnostics.length ? findSuppressions(doc) : [];
  if (suppressions.length === 0) return { diagnostics: diagnostics.slice(), suppressed: [] };
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const by = coverOf(suppressions, d.rule, lineOf(d));
    if (by) suppressed.push({ ...d, reason: by.reason, suppressedBy: place(by.range) });
    else kept.push(d);
  }
  return { diagnostics: kept, suppressed };
}
