// The three output formats of `esgmark check`. Positions are printed 1-based (line and column, the
// column counted in UTF-16 code units like the editor); end positions are exclusive, as in SARIF.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Diagnostic, Severity } from '../engine';
import { jsonWithEscapes, showControls } from './controls';

export interface FileResult {
  /** Path as the user gave it (or found under a folder they gave). */
  file: string;
  absolute: string;
  diagnostics: Diagnostic[];
  /** Findings silenced by `esgmark-disable` comments in this file, with their reasons. */
  suppressed?: (Diagnostic & { reason: string })[];
  /** The text of each diagnostic's first line (parallel to `diagnostics`, then `suppressed`): SARIF fingerprints. */
  lineTexts?: string[];
  suppressedLineTexts?: string[];
}

/** The line text a fingerprint reads: spaces trimmed and runs of white space as one space. */
function normalizedLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * SARIF `partialFingerprints` of a file's results: a hash of the rule id, the normalised text of the
 * flagged line and the occurrence index of that pair in the file (in position order), not of the line
 * number, so a finding keeps its fingerprint when lines are inserted or removed elsewhere. Findings and
 * suppressed findings are counted together (suppressing one does not change the others' fingerprints).
 */
export function fingerprints(result: FileResult): Map<Diagnostic, string> {
  const all = [
    ...result.diagnostics.map((d, i) => ({ d, text: result.lineTexts?.[i] ?? '' })),
    ...(result.suppressed ?? []).map((d, i) => ({ d, text: result.suppressedLineTexts?.[i] ?? '' })),
  ];
  const order = new Map(sortDiagnostics(all.map((x) => x.d)).map((d, i) => [d, i]));
  all.sort((a, b) => order.get(a.d)! - order.get(b.d)!);
  const seen = new Map<string, number>();
  const out = new Map<Diagnostic, string>();
  for (const { d, text } of all) {
    const key = `${d.rule}\u0000${normalizedLine(text)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out.set(d, nodeCrypto().createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32));
  }
  return out;
}

/** node:crypto, loaded on the first fingerprint: only SARIF output needs it, and loading it costs start-up. */
function nodeCrypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}

/** The `check --format json` document. `version` changes only when a field changes meaning or goes. */
export interface JsonReport {
  format: 'esgmark-check';
  version: 1;
  tool: { name: 'esgmark'; version: string };
  diagnostics: JsonDiagnostic[];
  /** What suppression comments silenced, and why: what a reviewer reads before signing off. */
  suppressed: (JsonDiagnostic & { reason: string })[];
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
  /** The requirements a finding is about, where it names them (`hkex/missing` lists every requirement it groups). */
  requirements?: string[];
}

/** The requirement ids of a diagnostic's data (`ids`, else `id`), or undefined when it names none. */
function requirementsOf(d: Diagnostic): string[] | undefined {
  if (d.rule !== 'hkex/missing') return undefined;
  const ids = Array.isArray(d.data?.ids)
    ? d.data.ids.filter((x): x is string => typeof x === 'string')
    : typeof d.data?.id === 'string'
      ? [d.data.id]
      : [];
  return ids.length ? ids : undefined;
}

export interface RuleDescription {
  id: string;
  severity: Severity;
  description: string;
  /** SARIF only: the longer description (`fullDescription`) and the documentation link (`helpUri`). */
  details?: string;
  helpUri?: string;
}

/** Diagnostics sorted by position then rule, so output does not depend on rule execution order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Messages are single-line in every format that is read line by line. */
function oneLine(message: string): string {
  return message.replace(/(?<!\s)\s*\r?\n\s*/g, ' ');
}

function jsonDiagnostic(file: string, d: Diagnostic): JsonDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(requirementsOf(d) ? { requirements: requirementsOf(d) } : {}),
  };
}

export function toJsonReport(results: readonly FileResult[], toolVersion: string): JsonReport {
  return {
    format: 'esgmark-check',
    version: 1,
    tool: { name: 'esgmark', version: toolVersion },
    diagnostics: toJson(results),
    suppressed: results.flatMap((r) =>
      (r.suppressed ?? []).map((d) => ({ ...jsonDiagnostic(r.file, d), reason: d.reason })),
    ),
  };
}

export function toJson(results: readonly FileResult[]): JsonDiagnostic[] {
  const out: JsonDiagnostic[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      out.push(jsonDiagnostic(result.file, d));
    }
  }
  return out;
}

export function formatJson(results: readonly FileResult[], toolVersion: string): string {
  // Faithful JSON: the message as the engine wrote it, with C1 and bidi controls as \u escapes.
  return `${jsonWithEscapes(JSON.stringify(toJsonReport(results, toolVersion), null, 2))}\n`;
}

interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

const PLAIN: Colors = { bold: (t) => t, dim: (t) => t, severity: (_s, t) => t };
const ANSI: Colors = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  severity: (s, t) => {
    const code = s === 'error' ? 31 : s === 'warning' ? 33 : s === 'information' ? 36 : 90;
    return `\u001b[${code}m${t}\u001b[39m`;
  },
};

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function summaryLine(results: readonly FileResult[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) for (const d of result.diagnostics) counts[d.severity]++;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) parts.push(`${counts.information} information`);
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return `${parts.join(', ')} in ${plural(results.length, 'file')}`;
}

/** `file:line:col  severity  message  rule`, grouped per file, then the summary line. */
export function formatText(results: readonly FileResult[], color: boolean): string {
  const c = color ? ANSI : PLAIN;
  const blocks: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const lines = result.diagnostics.map((d) => {
      // File names and messages come from the report: their control characters are shown, not obeyed.
      const where = `${showControls(result.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      return `${c.bold(where)}  ${c.severity(d.severity, d.severity)}  ${showControls(oneLine(d.message))}  ${c.dim(showControls(d.rule))}`;
    });
    blocks.push(lines.join('\n'));
  }
  const body = blocks.length > 0 ? `${blocks.join('\n\n')}\n\n` : '';
  return `${body}${summaryLine(results)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A SARIF artifact location: relative to the working directory when the file is inside it. */
function artifactLocation(result: FileResult, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, result.absolute);
  if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    const uri = relative.split(path.sep).map(encodeURIComponent).join('/');
    return { uri, uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(result.absolute).href };
}

export function formatSarif(
  results: readonly FileResult[],
  rules: readonly RuleDescription[],
  toolVersion: string,
  cwd: string = process.cwd(),
): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const byUri = new Map(results.map((r) => [pathToFileURL(r.absolute).href, r]));
  const sarifResults = results.flatMap((result) => {
    const prints = fingerprints(result);
    return [...result.diagnostics, ...(result.suppressed ?? [])].map((d) => {
      const entry: Record<string, unknown> = {
        ruleId: d.rule,
        level: SARIF_LEVEL[d.severity],
        // SARIF viewers render message.text: control characters are shown as escapes there too.
        message: { text: showControls(d.message, { lineBreaks: true }) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(result, cwd),
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      };
      const index = ruleIndex.get(d.rule);
      if (index !== undefined) entry.ruleIndex = index;
      // Code scanning matches a finding across commits by this, not by its line number.
      entry.partialFingerprints = { 'esgmarkFinding/v1': prints.get(d) };
      const requirements = requirementsOf(d);
      if (requirements) entry.properties = { requirements };
      // A finding silenced in the report stays in the log, marked as such (code scanning shows it as dismissed).
      if ('reason' in d)
        entry.suppressions = [
          { kind: 'inSource', justification: showControls(String(d.reason), { lineBreaks: true }) },
        ];
      const related = (d.related ?? []).filter((r) => byUri.has(r.uri) || r.uri === d.uri);
      if (related.length > 0) {
        entry.relatedLocations = related.map((r, id) => ({
          id,
          message: { text: showControls(r.message, { lineBreaks: true }) },
          physicalLocation: {
            artifactLocation: artifactLocation(byUri.get(r.uri) ?? result, cwd),
            region: {
              startLine: r.range.start.line + 1,
              startColumn: r.range.start.character + 1,
              endLine: r.range.end.line + 1,
              endColumn: r.range.end.character + 1,
            },
          },
        }));
      }
      return entry;
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'esgmark',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: showControls(rule.description) },
              ...(rule.details ? { fullDescription: { text: showControls(rule.details) } } : {}),
              ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${jsonWithEscapes(JSON.stringify(log, null, 2))}\n`;
}

export function formatRules(rules: readonly RuleDescription[], format: 'text' | 'json'): string {
  if (format === 'json') return `${jsonWithEscapes(JSON.stringify(rules, null, 2))}\n`;
  const idWidth = Math.max(...rules.map((r) => r.id.length), 4);
  const severityWidth = Math.max(...rules.map((r) => r.severity.length), 8);
  return (
    rules
      .map(
        (r) =>
          `${showControls(r.id).padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${showControls(oneLine(r.description))}`,
      )
      .join('\n') + '\n'
  );
}
