// The project file `.esgmark.yaml`: defaults a company keeps beside its reports (issuer profile, rule
// severities, its own unit spellings and KPI names, the frameworks). Found from the report's folder
// upwards, never past the workspace root, through the injected ReportWorkspace (the engine reads no
// disk). Parsed with the `yaml` library (node ranges, so a problem points at its key), validated with
// zod, and every problem is a diagnostic in the file itself (rule `esg/config`); what is valid is
// applied even when something else is not.
//
// Precedence, lowest first: the engine's defaults, this file, the report's front matter, explicit
// settings and command-line options (`mergeAnalysisOptions`).
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod';
import { isInternalError, keyRange, nestingPastLimit, nodeRange, shortDetail } from './frontmatter';
import { normalizeLabel } from './text/normalize';
import { getKpi } from './catalogs/kpis';
import { getUnit, parseUnit } from './catalogs/units';
import { t, tFromKey } from './i18n';
import { positionAt, splitLines } from './parser/lines';
import { LIMITS } from './limits';
import { RULES } from './rules';
import { configRule } from './rules/esg/config';
import type {
  AnalysisOptions,
  Diagnostic,
  IssuerClass,
  IssuerProfile,
  Locale,
  Range,
  Severity,
  Vocabulary,
} from './types';
import type { FileRead, ReportWorkspace } from './workspace';
import { unitSpellingKey } from './vocabulary';

export const PROJECT_FILE_NAME = '.esgmark.yaml';
/** A project file is a few dozen lines: past this size it is not parsed (one diagnostic says so). */
export const MAX_PROJECT_FILE_CHARS = 1_000_000;
/** The frameworks a project may name (`frameworks:`); the first is the default. */
export const FRAMEWORKS = ['hkex-esg-2025'] as const;
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;

export interface ProjectConfig {
  /** The file's uri; undefined for the empty configuration (no file found). */
  uri?: string;
  profile: IssuerProfile;
  /** Rule id → severity (`off` disables the rule). */
  severity: Record<string, Severity | 'off'>;
  vocabulary: Vocabulary;
  frameworks: string[];
}

export interface LoadedProjectConfig {
  config: ProjectConfig;
  /** Problems of the file, in the file's own lines (uri = the file's uri). */
  diagnostics: Diagnostic[];
}

export const EMPTY_PROJECT_CONFIG: ProjectConfig = Object.freeze({
  profile: {},
  severity: {},
  vocabulary: {},
  frameworks: [...FRAMEWORKS],
}) as ProjectConfig;

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);
const issuerSchema = z
  .object({
    board: z.enum(['main', 'gem']).optional(),
    largecap: z.boolean().optional(),
    'year-end': z.union([z.string(), z.number()]).optional(),
    locale: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional(),
  })
  .strict();
const schema = z
  .object({
    issuer: issuerSchema.nullable().optional(),
    rules: z.record(z.string(), z.enum(SEVERITIES)).nullable().optional(),
    units: z.record(z.string(), z.string()).nullable().optional(),
    kpis: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .nullable()
      .optional(),
    frameworks: z.array(z.string()).nullable().optional(),
  })
  .strict();

const KNOWN_KEYS: Record<string, string> = {
  '': 'issuer, rules, units, kpis, frameworks',
  issuer: 'board, largecap, year-end, locale',
};

const TYPE_NAMES: Record<string, string> = {
  boolean: 'true or false',
  string: 'a text',
  array: 'a list',
  object: 'a map',
};

/** `MM-DD` of a day that exists in some year. */
function isMonthDay(v: string): boolean {
  if (!monthDay.safeParse(v).success) return false;
  const [m, d] = v.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2024, m, 0)).getUTCDate();
}

function fileName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash >= 0 ? decodeSafe(uri.slice(slash + 1)) : uri;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reads the text of a project file. Never throws. `locale` is the language of the messages (the
 * file's own `issuer.locale` when it gives one and no locale was asked for).
 */
export function parseProjectConfig(uri: string, text: string, locale?: Locale): LoadedProjectConfig {
  const config: ProjectConfig = { uri, profile: {}, severity: {}, vocabulary: {}, frameworks: [...FRAMEWORKS] };
  const problems: { start: number; end: number; key: string; args: Record<string, string | number> }[] = [];
  const file = fileName(uri);
  let messageLocale: Locale = locale ?? 'en';
  const finish = (): LoadedProjectConfig => {
    const starts = splitLines(text).starts;
    const at = (offset: number) => positionAt(starts, Math.max(0, Math.min(offset, text.length)));
    const diagnostics = problems.slice(0, LIMITS.maxYamlErrors).map((p): Diagnostic => {
      const range: Range = { start: at(p.start), end: at(Math.max(p.end, p.start)) };
      return {
        uri,
        rule: configRule.id,
        severity: configRule.defaultSeverity,
        range,
        message: tFromKey(messageLocale, p.key, { file, ...p.args }),
        data: { key: p.key },
      };
    });
    return { config, diagnostics };
  };

  // As in the front matter: the yaml library composes recursively, so a deep nesting is measured first.
  const tooDeepDetail = `nested deeper than ${LIMITS.maxYamlDepth} levels`;
  const tooDeep = nestingPastLimit(text);
  if (tooDeep) {
    problems.push({
      start: tooDeep.start,
      end: Math.max(tooDeep.end, tooDeep.start + 1),
      key: 'config.yaml',
      args: { detail: tooDeepDetail },
    });
    return finish();
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  } catch {
    problems.push({ start: 0, end: text.length, key: 'config.yaml', args: { detail: 'unreadable YAML' } });
    return finish();
  }
  if (doc.errors.length) {
    const seen = new Set<string>();
    for (const err of doc.errors) {
      const detail = shortDetail(err.message);
      if (seen.has(`${err.pos[0]}:${detail}`)) continue;
      seen.add(`${err.pos[0]}:${detail}`);
      problems.push({
        start: err.pos[0],
        end: Math.max(err.pos[1], err.pos[0] + 1),
        key: 'config.yaml',
        args: { detail: isInternalError(detail) ? tooDeepDetail : detail },
      });
    }
    return finish();
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    const detail = shortDetail(String((e as Error).message));
    problems.push({
      start: 0,
      end: text.length,
      key: 'config.yaml',
      args: { detail: e instanceof RangeError || isInternalError(detail) ? tooDeepDetail : detail },
    });
    return finish();
  }
  if (data === null || data === undefined) return finish();
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(doc.contents)) {
    problems.push({ start: 0, end: Math.max(1, text.length), key: 'config.notMap', args: {} });
    return finish();
  }
  const top = data as Record<string, unknown>;
  const issuer =
    top.issuer && typeof top.issuer === 'object' && !Array.isArray(top.issuer)
      ? (top.issuer as Record<string, unknown>)
      : undefined;
  if (!locale && (issuer?.locale === 'en' || issuer?.locale === 'zh-Hant' || issuer?.locale === 'zh-Hans'))
    messageLocale = issuer.locale;

  // Shape: zod says which keys are unknown and which values have the wrong type or value.
  const bad = new Set<string>();
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      if (issue.code === 'unrecognized_keys') {
        // An unknown key is ignored on its own: the known keys beside it still apply.
        for (const key of issue.keys) {
          const r = keyRange(doc, path, key) ?? nodeRange(doc, path);
          problems.push({
            ...r,
            key: 'config.unknownKey',
            args: { key: [...path, key].join('.'), known: KNOWN_KEYS[path.join('.')] ?? '' },
          });
        }
        continue;
      }
      bad.add(path.join('.'));
      const range = nodeRange(doc, path);
      const value = text.slice(range.start, range.end).slice(0, 40);
      if (issue.code === 'invalid_value' && 'values' in issue) {
        problems.push({
          ...range,
          key: 'config.invalidEnum',
          args: { key: path.join('.'), value, values: (issue.values as unknown[]).map(String).join(', ') },
        });
      } else {
        const expected =
          issue.code === 'invalid_type'
            ? (TYPE_NAMES[String(issue.expected)] ?? String(issue.expected))
            : issue.code === 'invalid_union'
              ? 'a text or a list of texts'
              : 'valid';
        problems.push({ ...range, key: 'config.invalidType', args: { key: path.join('.'), expected } });
      }
    }
  }
  const ok = (...path: string[]) => !bad.has(path.join('.'));

  // issuer: the profile defaults.
  if (issuer && ok('issuer')) {
    const board = ok('issuer', 'board') ? issuer.board : undefined;
    const largecap = ok('issuer', 'largecap') ? issuer.largecap : undefined;
    let issuerClass: IssuerClass | undefined;
    if (board === 'gem') {
      issuerClass = 'gem';
      if (largecap === true)
        problems.push({ ...nodeRange(doc, ['issuer', 'largecap']), key: 'config.largecapGem', args: {} });
    } else if (largecap === true) issuerClass = 'largecap';
    else if (board === 'main' || largecap === false) issuerClass = 'main-board';
    if (issuerClass) config.profile.issuerClass = issuerClass;
    const yearEnd = issuer['year-end'];
    if (yearEnd !== undefined && ok('issuer', 'year-end')) {
      if (typeof yearEnd === 'string' && isMonthDay(yearEnd)) config.profile.yearEnd = yearEnd;
      else
        problems.push({
          ...nodeRange(doc, ['issuer', 'year-end']),
          key: 'config.yearEnd',
          args: { value: String(yearEnd).slice(0, 40) },
        });
    }
    if (
      ok('issuer', 'locale') &&
      (issuer.locale === 'en' || issuer.locale === 'zh-Hant' || issuer.locale === 'zh-Hans')
    )
      config.profile.locale = issuer.locale;
  }

  // rules: severities of known rules.
  const ruleIds = new Set(RULES.map((r) => r.id));
  if (top.rules && typeof top.rules === 'object' && !Array.isArray(top.rules)) {
    for (const [rule, severity] of Object.entries(top.rules as Record<string, unknown>)) {
      if (!ruleIds.has(rule)) {
        problems.push({
          ...(keyRange(doc, ['rules'], rule) ?? nodeRange(doc, ['rules'])),
          key: 'config.unknownRule',
          args: { rule },
        });
        continue;
      }
      if (ok('rules', rule) && typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity))
        config.severity[rule] = severity as Severity | 'off';
    }
  }

  // units: spellings of the company mapped to known units.
  if (top.units && typeof top.units === 'object' && !Array.isArray(top.units)) {
    const units: Record<string, string> = Object.create(null);
    for (const [spelling, target] of Object.entries(top.units as Record<string, unknown>)) {
      if (typeof target !== 'string' || !ok('units', spelling)) continue;
      const known = parseUnit(spelling);
      if (known.ok || getUnit(spelling)) {
        problems.push({
          ...(keyRange(doc, ['units'], spelling) ?? nodeRange(doc, ['units'])),
          key: 'config.knownUnit',
          args: { unit: spelling, known: known.ok ? known.unit.normalized : spelling },
        });
        continue;
      }
      if (!parseUnit(target).ok) {
        problems.push({
          ...nodeRange(doc, ['units', spelling]),
          key: 'config.unknownUnit',
          args: { unit: spelling, target },
        });
        continue;
      }
      if (unitSpellingKey(spelling)) units[spelling] = target;
    }
    if (Object.keys(units).length) config.vocabulary.units = units;
  }

  // kpis: more labels for catalog KPIs; one label names one KPI.
  if (top.kpis && typeof top.kpis === 'object' && !Array.isArray(top.kpis)) {
    const kpis: Record<string, string[]> = Object.create(null);
    const owner = new Map<string, string>();
    for (const [kpiId, value] of Object.entries(top.kpis as Record<string, unknown>)) {
      if (!ok('kpis', kpiId)) continue;
      if (!getKpi(kpiId)) {
        problems.push({
          ...(keyRange(doc, ['kpis'], kpiId) ?? nodeRange(doc, ['kpis'])),
          key: 'config.unknownKpi',
          args: { kpi: kpiId },
        });
        continue;
      }
      const labels = (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []).filter(
        (l): l is string => typeof l === 'string' && l.trim() !== '',
      );
      const kept: string[] = [];
      labels.forEach((label, i) => {
        // Keyed as the vocabulary matches labels (case, width, footnote marks folded).
        const key = normalizeLabel(label);
        const first = owner.get(key);
        if (first && first !== kpiId) {
          problems.push({
            ...nodeRange(doc, typeof value === 'string' ? ['kpis', kpiId] : ['kpis', kpiId, i]),
            key: 'config.duplicateSynonym',
            args: { label, first, second: kpiId },
          });
          return;
        }
        owner.set(key, kpiId);
        kept.push(label);
      });
      if (kept.length) kpis[kpiId] = kept;
    }
    if (Object.keys(kpis).length) config.vocabulary.kpis = kpis;
  }

  // frameworks: only the HKEX ESG Reporting Code for now.
  if (Array.isArray(top.frameworks) && ok('frameworks')) {
    const known: string[] = [];
    top.frameworks.forEach((f, i) => {
      if (typeof f === 'string' && (FRAMEWORKS as readonly string[]).includes(f)) known.push(f);
      else
        problems.push({
          ...nodeRange(doc, ['frameworks', i]),
          key: 'config.unknownFramework',
          args: { value: String(f).slice(0, 40), values: FRAMEWORKS.join(', ') },
        });
    });
    if (known.length) config.frameworks = known;
  }
  return finish();
}

/** The folder uri of a file uri (`file:///a/b/c.md` → `file:///a/b/`), or undefined at the root. */
function parentFolder(uri: string): string | undefined {
  const base = uri.endsWith('/') ? uri.slice(0, -1) : uri;
  const slash = base.lastIndexOf('/');
  if (slash < 0 || base.slice(0, slash + 1).endsWith('//')) return undefined;
  return base.slice(0, slash + 1);
}

export type ProjectFileLookup =
  /** No project file between the report and the workspace root. */
  { found: false } | { found: true; uri: string; read: FileRead };

/**
 * The nearest `.esgmark.yaml` from the report's folder upwards. A folder outside the workspace
 * (`workspace.contains`) ends the search: the workspace root is the limit. A candidate that exists
 * but is refused (a folder, a FIFO, too large) is found all the same, with the refusal in `read`.
 */
export function findProjectFile(workspace: ReportWorkspace, reportUri: string): ProjectFileLookup {
  let folder = parentFolder(reportUri);
  for (let depth = 0; folder && depth < 256; depth++) {
    const candidate = `${folder}${PROJECT_FILE_NAME}`;
    if (!workspace.contains(candidate)) break;
    const read = workspace.read(candidate);
    if (read.ok || read.refusal !== 'not-found') return { found: true, uri: candidate, read };
    folder = parentFolder(folder);
  }
  return { found: false };
}

/** Finds and parses the project file of a report (the empty configuration when there is none). */
export function loadProjectConfig(workspace: ReportWorkspace, reportUri: string, locale?: Locale): LoadedProjectConfig {
  const lookup = findProjectFile(workspace, reportUri);
  if (!lookup.found) return { config: EMPTY_PROJECT_CONFIG, diagnostics: [] };
  if (lookup.read.ok && lookup.read.text.length <= MAX_PROJECT_FILE_CHARS)
    return parseProjectConfig(lookup.uri, lookup.read.text, locale);
  const detail = lookup.read.ok
    ? `longer than ${MAX_PROJECT_FILE_CHARS} characters`
    : lookup.read.detail
      ? `${lookup.read.refusal}: ${lookup.read.detail}`
      : lookup.read.refusal;
  const diagnostic: Diagnostic = {
    uri: lookup.uri,
    rule: configRule.id,
    severity: configRule.defaultSeverity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: t(locale ?? 'en', 'config.unreadable', { file: PROJECT_FILE_NAME, detail }),
    data: { key: 'config.unreadable' },
  };
  return { config: { ...EMPTY_PROJECT_CONFIG, uri: lookup.uri }, diagnostics: [diagnostic] };
}

/**
 * The options of an analysis: the project file's values under the explicit ones. `explicit.severity`
 * wins per rule; `explicit.issuerClass` and `explicit.locale` override the front matter, which in turn
 * overrides the project file's `profile`.
 */
export function mergeAnalysisOptions(
  config: ProjectConfig | undefined,
  explicit: AnalysisOptions = {},
): AnalysisOptions {
  if (!config || config === EMPTY_PROJECT_CONFIG) return explicit;
  const options: AnalysisOptions = { ...explicit };
  const severity = { ...config.severity, ...(explicit.severity ?? {}) };
  if (Object.keys(severity).length) options.severity = severity;
  else delete options.severity;
  if (Object.keys(config.profile).length) options.profile = { ...config.profile, ...(explicit.profile ?? {}) };
  if (config.vocabulary.units || config.vocabulary.kpis) options.vocabulary = config.vocabulary;
  return options;
}

/** The project file's own problems with its severity setting applied (`rules: {esg/config: …}`). */
export function projectConfigDiagnostics(loaded: LoadedProjectConfig, explicit: AnalysisOptions = {}): Diagnostic[] {
  const override = explicit.severity?.[configRule.id] ?? loaded.config.severity[configRule.id];
  if (override === 'off') return [];
  return override ? loaded.diagnostics.map((d) => ({ ...d, severity: override })) : loaded.diagnostics;
}
