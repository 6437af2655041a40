// `esgmark` command-line entry point (bundled to dist/cli.js). Exit codes: 0 no errors, 1 at least
// one diagnostic of severity error, 2 usage error (bad command/option/value, missing or unreadable
// input), 3 internal error.
import { pathToFileURL } from 'node:url';
import { analyze, exportKpis, generateIndexTable, getReportModel, RULES, type AnalysisOptions, type Locale } from '../engine';
import { HELP_TEXT, parseArgs, UsageError, type CliArgs } from './args';
import { collectInputs, readReport, REPORT_SUFFIX } from './files';
import { formatJson, formatRules, formatSarif, formatText, sortDiagnostics, type FileResult, type RuleDescription } from './output';
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

function runCheck(args: CliArgs, io: Io): number {
  const files = collectInputs(args.inputs, io.cwd);
  if (files.length === 0) throw new UsageError(`no ${REPORT_SUFFIX} files found in: ${args.inputs.join(', ')}`);
  const options = analysisOptions(args);
  const results: FileResult[] = [];
  let locale: Locale = args.locale ?? 'en';
  for (const file of files) {
    const text = readReport(file);
    const analysis = analyze({ uri: pathToFileURL(file.absolute).href, text }, options);
    // SARIF rule descriptions follow the reports' language unless --locale says otherwise.
    if (!args.locale && results.length === 0) locale = analysis.locale;
    let diagnostics = sortDiagnostics(analysis.diagnostics);
    if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
    results.push({ file: file.display, absolute: file.absolute, diagnostics });
  }
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, describeRules(locale), VERSION, io.cwd));
  else {
    const color = io.isTty && !io.env.NO_COLOR;
    const hasAny = results.some((r) => r.diagnostics.length > 0);
    if (!args.quiet || hasAny) io.stdout(formatText(results, color));
  }
  const anyError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  return anyError ? EXIT_ERRORS : EXIT_OK;
}

function runIndex(args: CliArgs, io: Io): number {
  const [file] = collectInputs(args.inputs, io.cwd);
  const text = readReport(file);
  const analysis = analyze({ uri: pathToFileURL(file.absolute).href, text }, analysisOptions(args));
  const markdown = generateIndexTable(analysis).markdown;
  io.stdout(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return EXIT_OK;
}

/** `esgmark kpis <file>`: the KPI export of one report, on standard output. */
function runKpis(args: CliArgs, io: Io): number {
  const [file] = collectInputs(args.inputs, io.cwd);
  const text = readReport(file);
  const analysis = analyze({ uri: pathToFileURL(file.absolute).href, text }, analysisOptions(args));
  io.stdout(exportKpis(getReportModel(analysis), args.format === 'json' ? 'json' : 'csv'));
  return EXIT_OK;
}

export function run(argv: readonly string[], io: Io): number {
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
        return runCheck(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`esgmark: ${error.message}\nRun 'esgmark --help' for usage.\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`esgmark: internal error (please report it): ${detail}\n`);
    return EXIT_INTERNAL;
  }
}

function main(): void {
  // `esgmark check … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const io: Io = {
    stdout: (text) => process.stdout.write(text, 'utf8'),
    stderr: (text) => process.stderr.write(text, 'utf8'),
    isTty: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
  // process.exitCode (not process.exit) lets piped stdout drain completely before the process ends.
  process.exitCode = run(process.argv.slice(2), io);
}

if (require.main === module) main();
