// What `esgmark --help` and `esgmark --version` need, and nothing else: the entry (entry.ts, dist/cli.js)
// answers them from this module alone, without loading the engine (main.ts, dist/cli-main.js).

/**
 * `help` or `version` when the command line asks for one (`--help`/`-h`, `--version`/`-v` anywhere
 * before `--`, like most CLIs, or the command `help`), else undefined: the commands parseArgs reads.
 */
export function helpOrVersion(argv: readonly string[]): 'help' | 'version' | undefined {
  const endOfOptions = argv.indexOf('--');
  const optionPart = endOfOptions === -1 ? argv : argv.slice(0, endOfOptions);
  if (optionPart.includes('--help') || optionPart.includes('-h')) return 'help';
  if (optionPart.includes('--version') || optionPart.includes('-v')) return 'version';
  return argv[0] === 'help' ? 'help' : undefined;
}

export const HELP_TEXT = `esgmark — check ESG reports written in Markdown against the HKEX ESG Reporting Code

Usage:
  esgmark check <files or folders...> [options]   check reports; folders are searched for *.esg.md
  esgmark index <file> [--locale L] [--issuer-class C]
                                                  print the HKEX index table generated from the tags
  esgmark index <file> --framework ID [--format markdown|json|csv] [--write [--insert]]
                                                  that framework's content index: each item in force
                                                  for the year, the sections that disclose it (implied
                                                  ones marked) or 'not reported'; --write replaces the
                                                  report's table for it in place
  esgmark kpis <file> [--format csv|json] [--locale L]
                                                  print every KPI figure with its check status (CSV with
                                                  a byte order mark for Excel, or JSON)
  esgmark kpis <file> --unrecognised [--format json]
                                                  list the metric rows whose label was not recognised
  esgmark compare <file> <file> [--format text|csv|json]
                                                  every KPI and period of two reports (language
                                                  versions, or this year's and last year's), both
                                                  values and the verdict; exit 1 when a figure differs
  esgmark rules [--locale L] [--format text|json] list the rules with their default severity
  esgmark init [folder] [--force]                 write a commented .esgmark.yaml (project file)
  esgmark --help | --version

Options:
  --format text|json|sarif            output format of 'check' (default: text)
  --format csv|json                   output format of 'kpis' (default: csv)
  --format text|csv|json              output format of 'compare' (default: text)
  --format markdown|json|csv          output format of 'index' (default: markdown)
  --framework ID                      'index': hkex-esg-2025, gri-2021, ifrs-s2, hkfrs-s2,
                                      sasb-tc-si, ashare-2024, un-sdg, nasdaq-esg
  --write                             'index': update the framework's index table of the report
                                      (the table under its heading class, e.g. .gri-index)
  --insert                            'index --write': append the table when there is none
  --locale en|zh-Hant|zh-Hans         language of the messages (default: from the report)
  --issuer-class main-board|largecap|gem
                                      overrides esg.issuer-class of the front matter
  --quiet                             report errors only
  --unrecognised                      'kpis': list unrecognised metric rows (file:line, label)
  --jobs N                            worker threads for 'check' (default: number of CPUs;
                                      1 checks in the main thread)
  --max-warnings N                    'check' also fails (exit 1) with more than N warnings
  --fix                               'check': apply every safe fix, write the files, then check
                                      what remains
  --fix-dry-run                       'check': print the safe fixes as a unified diff; write nothing
  --docs-url URL                      'check': base of the rule documentation links in SARIF
                                      (default: the repository's docs/rules.md)
  --force                             'init': overwrite an existing .esgmark.yaml
  --workspace DIR                     the folder chapters may be read from (default: the folder
                                      given, or the report's own folder); nothing outside it is read
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no errors, 1 at least one error (or more warnings than --max-warnings), 2 usage error,
3 internal error.
`;

/** `esgmark … | head` closes the pipe early; that is not an error worth a stack trace. */
export function ignoreClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
