// Command-line parsing for `esgmark`. Hand-written (no dependency) and strict: an unknown option or a
// bad value is a usage error (exit 2) rather than being ignored, so a typo in a CI script is noticed.
import { FRAMEWORK_IDS, type IssuerClass, type Locale } from '../engine';
import { helpOrVersion } from './help';

export { HELP_TEXT } from './help';

export class UsageError extends Error {}

export type Command = 'check' | 'index' | 'kpis' | 'rules' | 'compare' | 'init' | 'help' | 'version';
export type Format = 'text' | 'json' | 'sarif' | 'csv' | 'markdown';

export interface CliArgs {
  command: Command;
  inputs: string[];
  format: Format;
  locale?: Locale;
  issuerClass?: IssuerClass;
  quiet: boolean;
  /** Worker threads for `check`; undefined means one per CPU. 1 checks in the main thread. */
  jobs?: number;
  /** The folder files may be read from (chapters); default: the folder given, or the report's folder. */
  workspace?: string;
  /** `check` fails (exit 1) when there are more warnings than this, as ESLint's option does. */
  maxWarnings?: number;
  /** `kpis --unrecognised`: list the metric rows whose label esgmark did not recognise, not the figures. */
  unrecognised: boolean;
  /** `check --fix`: apply every safe fix, write the files, then check what remains. */
  fix?: boolean;
  /** `check --fix-dry-run`: print the safe fixes as a unified diff; nothing is written. */
  fixDryRun?: boolean;
  /** Base of the rules documentation links (SARIF `helpUri`); default RULES_DOCS_URL. */
  docsUrl?: string;
  /** `init --force`: overwrite an existing project file. */
  force?: boolean;
  /** `index --framework <id>`: that framework's content index instead of the HKEX table. */
  framework?: string;
  /** `index --write`: replace the report's index table for the framework in place. */
  write?: boolean;
  /** `index --write --insert`: append the table when the report has none. */
  insert?: boolean;
}

const COMMANDS: readonly Command[] = ['check', 'index', 'kpis', 'rules', 'compare', 'init'];
/** Output formats per command; the first is the default. */
const FORMATS_BY_COMMAND: Record<'check' | 'index' | 'kpis' | 'rules' | 'compare' | 'init', readonly Format[]> = {
  check: ['text', 'json', 'sarif'],
  init: ['text'],
  index: ['markdown', 'json', 'csv', 'text'],
  kpis: ['csv', 'json'],
  rules: ['text', 'json'],
  compare: ['text', 'csv', 'json'],
};
const LOCALES: readonly Locale[] = ['en', 'zh-Hant', 'zh-Hans'];
const ISSUER_CLASSES: readonly IssuerClass[] = ['main-board', 'largecap', 'gem'];

/** Options each command accepts; anything else is a usage error for that command. */
const OPTIONS_BY_COMMAND: Record<'check' | 'index' | 'kpis' | 'rules' | 'compare' | 'init', readonly string[]> = {
  check: [
    '--format',
    '--locale',
    '--issuer-class',
    '--quiet',
    '--jobs',
    '--workspace',
    '--max-warnings',
    '--fix',
    '--fix-dry-run',
    '--docs-url',
  ],
  init: ['--force'],
  index: ['--locale', '--issuer-class', '--workspace', '--framework', '--format', '--write', '--insert'],
  kpis: ['--format', '--locale', '--issuer-class', '--workspace', '--unrecognised'],
  rules: ['--format', '--locale'],
  compare: ['--format', '--locale', '--issuer-class', '--workspace'],
};

const VALUE_OPTIONS = new Set([
  '--format',
  '--locale',
  '--issuer-class',
  '--jobs',
  '--workspace',
  '--max-warnings',
  '--docs-url',
  '--framework',
]);
const FLAG_OPTIONS = new Set(['--quiet', '--unrecognised', '--fix', '--fix-dry-run', '--force', '--write', '--insert']);

function oneOf<T extends string>(option: string, values: readonly T[], value: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${option} (expected one of: ${values.join(', ')})`);
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const quick = helpOrVersion(argv);
  if (quick) return { command: quick, inputs: [], format: 'text', quiet: false, unrecognised: false };

  if (argv.length === 0) throw new UsageError('no command given');
  const [first, ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(
      first.startsWith('-') ? `expected a command before the option '${first}'` : `unknown command '${first}'`,
    );
  }
  const command = first as 'check' | 'index' | 'kpis' | 'rules' | 'compare' | 'init';
  const allowed = OPTIONS_BY_COMMAND[command];
  const args: CliArgs = {
    command,
    inputs: [],
    format: FORMATS_BY_COMMAND[command][0],
    quiet: false,
    unrecognised: false,
  };

  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token === '--') {
      args.inputs.push(...rest.slice(i + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      args.inputs.push(token);
      continue;
    }
    const equals = token.indexOf('=');
    const name = equals === -1 ? token : token.slice(0, equals);
    if (!allowed.includes(name)) {
      const known = VALUE_OPTIONS.has(name) || FLAG_OPTIONS.has(name);
      throw new UsageError(known ? `option ${name} is not accepted by '${command}'` : `unknown option '${name}'`);
    }
    let value: string | undefined;
    if (VALUE_OPTIONS.has(name)) {
      if (equals !== -1) value = token.slice(equals + 1);
      else {
        value = rest[i + 1];
        i++;
      }
      if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    } else if (equals !== -1) {
      throw new UsageError(`option ${name} takes no value`);
    }
    switch (name) {
      case '--format':
        args.format = oneOf(name, FORMATS_BY_COMMAND[command], value!);
        break;
      case '--locale':
        args.locale = oneOf(name, LOCALES, value!);
        break;
      case '--issuer-class':
        args.issuerClass = oneOf(name, ISSUER_CLASSES, value!);
        break;
      case '--quiet':
        args.quiet = true;
        break;
      case '--unrecognised':
        args.unrecognised = true;
        break;
      case '--fix':
        args.fix = true;
        break;
      case '--fix-dry-run':
        args.fixDryRun = true;
        break;
      case '--force':
        args.force = true;
        break;
      case '--framework':
        args.framework = oneOf(name, FRAMEWORK_IDS, value!);
        break;
      case '--write':
        args.write = true;
        break;
      case '--insert':
        args.insert = true;
        break;
      case '--docs-url':
        if (!/^(?:https?|file):\/\/\S+$/.test(value!))
          throw new UsageError(
            `invalid value '${value}' for --docs-url (expected an http(s) or file URL of the rules documentation)`,
          );
        args.docsUrl = value!;
        break;
      case '--jobs':
        // Digits only: `Number('1e3')` or `parseInt('2x')` would accept what a typo produced.
        if (!/^[1-9][0-9]{0,3}$/.test(value!))
          throw new UsageError(`invalid value '${value}' for --jobs (expected a whole number from 1 to 9999)`);
        args.jobs = Number(value);
        break;
      case '--workspace':
        args.workspace = value!;
        break;
      case '--max-warnings':
        if (!/^(0|[1-9][0-9]{0,8})$/.test(value!))
          throw new UsageError(`invalid value '${value}' for --max-warnings (expected a whole number from 0)`);
        args.maxWarnings = Number(value);
        break;
    }
  }

  if (command === 'check' && args.inputs.length === 0)
    throw new UsageError("'check' needs at least one file or folder");
  if (command === 'index' && args.inputs.length !== 1) throw new UsageError("'index' needs exactly one file");
  if (args.insert && !args.write)
    throw new UsageError('--insert goes with --write (it appends the table the write did not find)');
  if (args.write && args.format !== 'markdown' && args.format !== 'text')
    throw new UsageError('--write writes the Markdown table into the report; it takes no --format');
  if (command === 'kpis' && args.inputs.length !== 1) throw new UsageError("'kpis' needs exactly one file");
  if (command === 'compare' && args.inputs.length !== 2) throw new UsageError("'compare' needs exactly two files");
  if (args.fix && args.fixDryRun)
    throw new UsageError('--fix and --fix-dry-run exclude each other (the dry run writes nothing)');
  if (args.fixDryRun && args.format !== 'text')
    throw new UsageError('--fix-dry-run prints a diff; it takes no --format');
  if (command === 'init' && args.inputs.length > 1) throw new UsageError("'init' takes at most one folder");
  if (command === 'rules' && args.inputs.length > 0)
    throw new UsageError(`'rules' takes no arguments (got '${args.inputs[0]}')`);
  return args;
}
