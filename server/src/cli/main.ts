// `esgmark` command-line entry point (bundled to dist/cli.js). Exit codes: 0 no errors, 1 at least
// one diagnostic of severity error, 2 usage error (bad command/option/value, missing or unreadable
// input), 3 internal error.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import {
  exportKpis,
  generateIndexTable,
  ruleDocsUrl,
  getReportModel,
  loadProjectConfig,
  mergeAnalysisOptions,
  projectConfigDiagnostics,
  RULES,
  analyzeReport,
  chapterEntries,
  chapterUris,
  crossReport,
  LinkedReportCache,
  withCrossReport,
  remapReportModel,
  t,
  formatNumber,
  lineText,
  splitLines,
  type Analysis,
  type AnalysisOptions,
  type Diagnostic,
  type Locale,
  type SuppressedDiagnostic,
  type ProjectAnalysis,
} from '../engine';
import { HELP_TEXT, parseArgs, UsageError, type CliArgs } from './args';
import { ignoreClosedPipe } from './help';
import { collectInputs, configWorkspaceOf, readReport, REPORT_SUFFIX, workspaceOf, type InputFile } from './files';
import { anyDifference, compareRows, formatCompare } from './compare';
import * as path from 'node:path';
import {
  formatJson,
  formatRules,
  formatSarif,
  formatText,
  sortDiagnostics,
  summaryLine,
  type FileResult,
  type RuleDescription,
} from './output';
import { planFixes, writeFix } from './fix';
import { unifiedDiff } from './diff';
import { writeProjectFile } from './init';
import { indexOutput, writeFrameworkIndex } from './indexFramework';

const HKEX_FRAMEWORK = 'hkex-esg-2025';
import { checkInWorkers, isCheckWorker, serveChecks, type CheckedInput, type CheckSettings } from './pool';
import { jsonWithEscapes, showControls } from './controls';
import { version as VERSION } from '../../../package.json';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

function analysisOptions(args: CliArgs): AnalysisOptions {
  const options: AnalysisOptions = {};
  if (args.locale) options.locale = args.locale;
  if (args.issuerClass) options.issuerClass = args.issuerClass;
  return options;
}

/** The engine's rule list with descriptions in one language. */
export function describeRules(locale: Locale): RuleDescription[] {
  return RULES.map((rule) => ({ id: rule.id, severity: rule.defaultSeverity, description: rule.description[locale] }));
}

/** Linked reports analysed once per run (a language version is often an input of the same run too). */
const linkedReports = new LinkedReportCache();

/** The rules as SARIF lists them: with the longer description and the documentation link (`--docs-url` base). */
function sarifRules(locale: Locale, docsUrl: string | undefined): RuleDescription[] {
  return RULES.map((rule) => {
    const helpUri = ruleDocsUrl(rule.id, docsUrl);
    const fix = rule.safeFix ? t(locale, 'rule.safeFix') : '';
    const details = t(locale, 'rule.details', {
      description: rule.description[locale],
      severity: rule.defaultSeverity,
      fix,
      url: helpUri,
    });
    return { id: rule.id, severity: rule.defaultSeverity, description: rule.description[locale], details, helpUri };
  });
}

/**
 * A report as the CLI checks it: one file, or a root whose front matter lists chapters (checked as
 * one report, diagnostics per file). Chapters are read through the report's workspace gate; one that
 * is missing or refused is an `esg/chapters` error at the entry that lists it.
 */
interface AnalyzedInput {
  analysis: Analysis;
  project: ProjectAnalysis;
  files: { display: string; absolute: string; diagnostics: Diagnostic[]; suppressed?: SuppressedDiagnostic[] }[];
  /** The project file `.esgmark.yaml` that applied, with its own problems (and its text when it has some). */
  config?: { display: string; absolute: string; diagnostics: Diagnostic[]; text?: string };
}

/** The project file of a report (searched from its folder up to the input's config root), as the CLI shows it. */
function projectConfigOf(
  file: InputFile,
  explicit: AnalysisOptions,
  cwd: string,
): { options: AnalysisOptions; config?: AnalyzedInput['config'] } {
  const loaded = loadProjectConfig(configWorkspaceOf(file), pathToFileURL(file.absolute).href, explicit.locale);
  if (!loaded.config.uri) return { options: explicit };
  const absolute = fileURLToPath(loaded.config.uri);
  const diagnostics = projectConfigDiagnostics(loaded, explicit);
  const read = diagnostics.length ? configWorkspaceOf(file).read(loaded.config.uri) : undefined;
  return {
    options: mergeAnalysisOptions(loaded.config, explicit),
    config: {
      display: path.relative(cwd, absolute) || absolute,
      absolute,
      diagnostics,
      text: read?.ok ? read.text : undefined,
    },
  };
}

function analyzeInput(
  file: InputFile,
  explicit: AnalysisOptions,
  cwd: string,
  openText?: (uri: string) => string | undefined,
  /** `check` follows the links to other reports; `index`, `kpis` and `compare` need only the report. */
  followLinks = false,
): AnalyzedInput {
  const { options, config } = projectConfigOf(file, explicit, cwd);
  const workspace = workspaceOf(file, openText);
  const root = readReport(file, workspace);
  // The reports it links (`esg.translations`, `esg.previous`) are read through the same gate, once per run.
  const own = analyzeReport(root, workspace, options);
  const project =
    root.tooLarge || !followLinks ? own : withCrossReport(own, crossReport(own, workspace, options, linkedReports));
  if (root.tooLarge) {
    // Not read past the limit: the report's one finding is that it was not checked.
    const locale = options.locale ?? 'en';
    const size = Number.isFinite(root.tooLarge.size) ? formatNumber(root.tooLarge.size, 0) : '?';
    const diagnostic: Diagnostic = {
      uri: root.uri,
      rule: 'esg/too-large',
      severity: 'error',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: t(locale, 'limit.fileTooLarge', { size, limit: formatNumber(root.tooLarge.limit, 0) }),
    };
    return {
      analysis: project.analysis,
      project,
      files: [{ display: file.display, absolute: file.absolute, diagnostics: [diagnostic] }],
      config,
    };
  }
  const files = project.parts.map((part) => {
    const found = {
      diagnostics: project.diagnostics.get(part.uri) ?? [],
      suppressed: project.suppressed.get(part.uri) ?? [],
    };
    if (part.uri === root.uri) return { display: file.display, absolute: file.absolute, ...found };
    const absolute = fileURLToPath(part.uri);
    return { display: path.relative(cwd, absolute) || absolute, absolute, ...found };
  });
  return { analysis: project.analysis, project, files, config };
}

/**
 * The chapters a root names, as absolute paths (nothing is read); undefined for a file that lists none.
 * Most reports are not roots: skipping the front-matter parse when the word does not occur keeps this
 * serial pre-pass short.
 */
function chaptersNamedBy(file: InputFile, text: string): string[] | undefined {
  if (!text.includes('chapters') || chapterEntries(text).length === 0) return undefined;
  // Resolved as the language server resolves them (engine chapterUris), through the report's workspace.
  return chapterUris({ uri: pathToFileURL(file.absolute).href, text }, workspaceOf(file)).map((uri) =>
    fileURLToPath(uri),
  );
}

/**
 * The inputs that are reports of their own: all but the chapters of a root among the inputs. A file
 * that lists chapters itself is always a root, even when another root lists it (that root is told
 * so), so two files listing each other are both checked and neither is dropped.
 */
function reportsAmong(inputs: readonly InputFile[]): InputFile[] {
  const named = new Set<string>();
  const roots = new Set<string>();
  for (const file of inputs) {
    // A file listing entries is a root even when none of them resolves (or it lists only itself).
    const chapters = chaptersNamedBy(file, readReport(file).text);
    if (chapters) roots.add(file.absolute);
    for (const c of chapters ?? []) named.add(c);
  }
  return inputs.filter((f) => roots.has(f.absolute) || !named.has(f.absolute));
}

/** The one report `index` and `kpis` work on: a folder must hold exactly one (its chapters aside). */
function singleReport(args: CliArgs, io: Io): InputFile {
  const reports = reportsAmong(collectInputs(args.inputs, io.cwd, args.workspace));
  if (reports.length === 0) throw new UsageError(`no ${REPORT_SUFFIX} files found in: ${args.inputs.join(', ')}`);
  if (reports.length > 1) {
    const shown = reports
      .slice(0, 3)
      .map((r) => r.display)
      .join(', ');
    throw new UsageError(
      `'${args.command}' works on one report, and ${args.inputs.join(', ')} holds ${reports.length} (${shown}${reports.length > 3 ? ', ...' : ''}): name one file`,
    );
  }
  return reports[0];
}

/** Below this many inputs `check` stays in the main thread: starting workers would cost more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/** One input of `check`, in the main thread or in a worker: diagnostics per file, sorted, --quiet applied. */
function checkInput(
  file: InputFile,
  settings: CheckSettings,
  openText?: (uri: string) => string | undefined,
): CheckedInput {
  const {
    analysis,
    project,
    files: parts,
    config,
  } = analyzeInput(file, settings.options, settings.cwd, openText, true);
  const doc = analysis.model;
  // The text of a line of a report's file (for SARIF fingerprints), through the concatenated document.
  const reportLine = (absolute: string) => {
    const uri = pathToFileURL(absolute).href;
    return (line: number) => {
      const at = project.parts.length > 1 ? project.fromFile(uri, { line, character: 0 }) : { line };
      return (at && lineText(doc.text, doc.lineStarts, at.line)) ?? '';
    };
  };
  const configLines = config?.text !== undefined ? splitLines(config.text).texts : [];
  // The project file's own problems come first: they change how everything after them is read.
  const withConfig =
    config && config.diagnostics.length > 0
      ? [
          { ...config, lineOf: (line: number) => configLines[line] ?? '' },
          ...parts.map((p) => ({ ...p, lineOf: reportLine(p.absolute) })),
        ]
      : parts.map((p) => ({ ...p, lineOf: reportLine(p.absolute) }));
  const results = withConfig.map((part): FileResult => {
    let diagnostics = sortDiagnostics(part.diagnostics);
    if (settings.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    const suppressed = (part as { suppressed?: SuppressedDiagnostic[] }).suppressed;
    return {
      file: part.display,
      absolute: part.absolute,
      diagnostics,
      suppressed,
      lineTexts: diagnostics.map((d) => part.lineOf(d.range.start.line)),
      suppressedLineTexts: suppressed?.map((d) => part.lineOf(d.range.start.line)),
    };
  });
  return { locale: analysis.locale, results };
}

async function runCheck(args: CliArgs, io: Io): Promise<number> {
  const inputs = collectInputs(args.inputs, io.cwd, args.workspace);
  if (inputs.length === 0) throw new UsageError(`no ${REPORT_SUFFIX} files found in: ${args.inputs.join(', ')}`);
  // Chapters of a root among the inputs are checked with their root, not on their own.
  const files = reportsAmong(inputs);
  const settings: CheckSettings = { options: analysisOptions(args), cwd: io.cwd, quiet: args.quiet };
  // --fix and --fix-dry-run work in the main thread: the fixes, then the check of what remains.
  const fixed = args.fix || args.fixDryRun ? applyFixes(files, settings, args.fixDryRun === true, io) : undefined;
  if (fixed?.failed) return EXIT_ERRORS;
  const jobs = fixed ? 1 : Math.min(args.jobs ?? availableParallelism(), files.length);
  const checked =
    jobs > 1 && files.length >= MIN_FILES_FOR_WORKERS
      ? await checkInWorkers(files, settings, jobs, __filename)
      : files.map((file) => checkInput(file, settings, fixed?.openText));
  // A project file shared by several reports is shown once.
  const shown = new Set<string>();
  const results: FileResult[] = checked
    .flatMap((c) => c.results)
    .filter((r) => !shown.has(r.absolute) && !!shown.add(r.absolute));
  // SARIF rule descriptions follow the first report's language unless --locale says otherwise.
  const locale: Locale = args.locale ?? checked[0]?.locale ?? 'en';
  if (args.fixDryRun) {
    // The diff is the output; what would remain is summed up on standard error.
    io.stderr(`esgmark: after these fixes: ${summaryLine(results)}\n`);
  } else if (args.format === 'json') io.stdout(formatJson(results, VERSION));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, sarifRules(locale, args.docsUrl), VERSION, io.cwd));
  else {
    const color = io.isTty && !io.env.NO_COLOR;
    const hasAny = results.some((r) => r.diagnostics.length > 0);
    if (!args.quiet || hasAny) io.stdout(formatText(results, color));
  }
  const anyError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) io.stderr(`esgmark: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
  return anyError || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
}

/**
 * Plans the safe fixes of every input and writes them through the gate (or, for a dry run, prints them
 * as a unified diff). Returns the fixed texts for the dry run's check of what would remain.
 */
function applyFixes(
  files: readonly InputFile[],
  settings: CheckSettings,
  dryRun: boolean,
  io: Io,
): { openText?: (uri: string) => string | undefined; failed: boolean } {
  const fixedTexts = new Map<string, string>();
  let failed = false;
  for (const file of files) {
    const { options } = projectConfigOf(file, settings.options, settings.cwd);
    for (const fix of planFixes(file, options, settings.cwd)) {
      if (fix.skipped) {
        io.stderr(`esgmark: ${showControls(fix.display)}: ${fix.skipped}\n`);
        continue;
      }
      if (dryRun) {
        io.stdout(unifiedDiff(fix.before, fix.edits, fix.display.split(path.sep).join('/')));
        fixedTexts.set(fix.uri, fix.after);
        continue;
      }
      const refused = writeFix(fix, workspaceOf(file));
      if (refused) {
        io.stderr(`esgmark: ${showControls(fix.display)}: not written: ${refused}\n`);
        failed = true;
        continue;
      }
      io.stderr(
        `esgmark: ${showControls(fix.display)}: fixed ${fix.resolved} problem${fix.resolved === 1 ? '' : 's'} (${fix.edits.length} edit${fix.edits.length === 1 ? '' : 's'})\n`,
      );
    }
  }
  return { openText: dryRun ? (uri) => fixedTexts.get(uri) : undefined, failed };
}

function runIndex(args: CliArgs, io: Io): number {
  const file = singleReport(args, io);
  const { analysis, project } = analyzeInput(file, analysisOptions(args), io.cwd);
  const format = args.format === 'json' || args.format === 'csv' ? args.format : 'markdown';
  // JSON, CSV and --write without --framework are the HKEX Code's index.
  const framework = args.framework ?? (format !== 'markdown' || args.write ? HKEX_FRAMEWORK : undefined);
  if (framework && args.write) {
    const written = writeFrameworkIndex(file, project, framework, args.insert === true, io.cwd);
    if (!written.ok) {
      io.stderr(`esgmark: ${showControls(written.message)}\n`);
      return EXIT_ERRORS;
    }
    io.stderr(
      `esgmark: ${showControls(written.display)}: ${written.replaced ? 'updated' : 'appended'} the ${framework} index table\n`,
    );
    return EXIT_OK;
  }
  if (framework) {
    const text = indexOutput(analysis, framework, format);
    io.stdout(format === 'json' ? jsonWithEscapes(text) : showControls(text, { lineBreaks: true, bidi: true }));
    return EXIT_OK;
  }
  // Markdown meant for a file: real text (line breaks, bidi) stays, C0 and C1 controls are shown as escapes.
  const markdown = showControls(generateIndexTable(analysis).markdown, { lineBreaks: true, bidi: true });
  io.stdout(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return EXIT_OK;
}

/** `esgmark kpis <file>`: the KPI export of one report, on standard output. */
function runKpis(args: CliArgs, io: Io): number {
  const file = singleReport(args, io);
  const { analysis, project, files } = analyzeInput(file, analysisOptions(args), io.cwd);
  if (args.unrecognised) return runUnrecognised(args, io, analysis, project, files);
  const model = getReportModel(analysis);
  const exported = exportKpis(
    project.parts.length > 1 ? remapReportModel(model, project.mapRange) : model,
    args.format === 'json' ? 'json' : 'csv',
  );
  // CSV is text like the index (its CRLF line ends stay); JSON stays faithful, with \u escapes.
  io.stdout(
    args.format === 'json' ? jsonWithEscapes(exported) : showControls(exported, { lineBreaks: true, bidi: true }),
  );
  return EXIT_OK;
}

/**
 * `esgmark kpis <file> --unrecognised`: every metric row (a row with a figure, not a caption) that
 * has no KPI id, as `file:line<TAB>label` (1-based lines; `group / label` for two-column rows), or a
 * JSON array of `{file, line, label, group?}`. Exit code 0 whatever it lists.
 */
function runUnrecognised(
  args: CliArgs,
  io: Io,
  analysis: Analysis,
  project: ProjectAnalysis,
  files: { display: string }[],
): number {
  // analyzeInput lists the parts in project order: the root first, then its chapters.
  const displayOf = new Map<string, string>();
  project.parts.forEach((part, i) => displayOf.set(part.uri, files[i]?.display ?? part.uri));
  const out: { file: string; line: number; label: string; group?: string }[] = [];
  for (const table of analysis.model.kpiTables) {
    for (const row of table.rows) {
      if (row.kpiId || row.isCaption || !row.values.some((v) => v.value !== undefined)) continue;
      const mapped =
        project.parts.length > 1
          ? project.mapRange(row.labelRange)
          : { uri: project.parts[0]?.uri ?? '', range: row.labelRange };
      const entry: { file: string; line: number; label: string; group?: string } = {
        file: displayOf.get(mapped.uri) ?? files[0]?.display ?? '',
        line: mapped.range.start.line + 1,
        label: row.label,
      };
      if (row.group) entry.group = row.group;
      out.push(entry);
    }
  }
  if (args.format === 'json') io.stdout(`${jsonWithEscapes(JSON.stringify(out, null, 2))}\n`);
  else
    io.stdout(
      out
        .map((e) =>
          showControls(`${e.file}:${e.line}\t${e.group ? `${e.group} / ` : ''}${e.label}\n`, {
            lineBreaks: true,
            bidi: false,
          }),
        )
        .join(''),
    );
  return EXIT_OK;
}

/** `esgmark compare A B`: both reports analysed (each with its chapters, through its own gate), their KPI figures side by side. */
function runCompare(args: CliArgs, io: Io): number {
  const inputs = collectInputs(args.inputs, io.cwd, args.workspace);
  if (inputs.length !== 2)
    throw new UsageError(`'compare' needs two report files (${args.inputs.join(', ')} hold ${inputs.length})`);
  const [a, b] = inputs.map((file) => analyzeInput(file, analysisOptions(args), io.cwd));
  const locale: Locale = args.locale ?? a.analysis.locale;
  const rows = compareRows(a.project, b.project, locale);
  const format = args.format === 'csv' || args.format === 'json' ? args.format : 'text';
  io.stdout(formatCompare(rows, format, { first: inputs[0].display, second: inputs[1].display }, locale));
  return anyDifference(rows) ? EXIT_ERRORS : EXIT_OK;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP_TEXT);
        return EXIT_OK;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      case 'rules':
        io.stdout(formatRules(describeRules(args.locale ?? 'en'), args.format === 'json' ? 'json' : 'text'));
        return EXIT_OK;
      case 'index':
        return runIndex(args, io);
      case 'kpis':
        return runKpis(args, io);
      case 'check':
        return await runCheck(args, io);
      case 'compare':
        return runCompare(args, io);
      case 'init': {
        const written = writeProjectFile(path.resolve(io.cwd, args.inputs[0] ?? '.'), args.force === true);
        if (!written.ok) {
          io.stderr(`esgmark: ${showControls(written.message)}\n`);
          return EXIT_ERRORS;
        }
        io.stdout(`wrote ${showControls(path.relative(io.cwd, written.file) || written.file)}\n`);
        return EXIT_OK;
      }
    }
  } catch (error) {
    // Usage errors name files and arguments as given: their control characters are shown, not obeyed.
    if (error instanceof UsageError) {
      io.stderr(`esgmark: ${showControls(error.message)}\nRun 'esgmark --help' for usage.\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`esgmark: internal error (please report it): ${showControls(detail, { lineBreaks: true })}\n`);
    return EXIT_INTERNAL;
  }
}

/** Runs the command line of this process (the entry, dist/cli.js, calls it for every command but --help and --version). */
export function main(): void {
  ignoreClosedPipe();
  const io: Io = {
    stdout: (text) => process.stdout.write(text, 'utf8'),
    stderr: (text) => process.stderr.write(text, 'utf8'),
    isTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
  // process.exitCode (not process.exit) lets piped stdout drain completely before the process ends.
  void run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

// The same bundle is the worker of `check --jobs` (pool.ts), where it is the thread's main module; a
// worker must not run the command line. Loaded by the entry (dist/cli.js), it is neither, and asks
// nothing of node:worker_threads.
if (require.main === module) {
  if (isCheckWorker()) serveChecks(checkInput);
  else main();
}
