// Running the built CLI as a separate process, the way CI runs it.
import { spawnSync } from 'node:child_process';
import { requireBuilt, REPO_ROOT } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const cli = requireBuilt('cli.js');
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    // Colour is off in a pipe anyway; NO_COLOR makes it explicit.
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The shape the CLI prints, from the CLI itself: the test checks the real output against it.
export type { JsonDiagnostic } from '../../server/src/cli/output';
import type { JsonDiagnostic } from '../../server/src/cli/output';

export type { JsonReport } from '../../server/src/cli/output';
import type { JsonReport } from '../../server/src/cli/output';

/** The `check --format json` document printed by a run; throws with the output when it is not one. */
export function parseCheckJson(stdout: string, stderr = ''): JsonReport {
  let report: JsonReport;
  try {
    report = JSON.parse(stdout) as JsonReport;
  } catch (error) {
    throw new Error(
      `--format json printed invalid JSON (${String(error)}):\n${stdout.slice(0, 4000)}\nstderr: ${stderr}`,
      { cause: error },
    );
  }
  if (report?.format !== 'esgmark-check' || !Array.isArray(report.diagnostics))
    throw new Error(`not an esgmark-check document:\n${stdout.slice(0, 4000)}`);
  return report;
}

export function runJson(
  args: readonly string[],
  options: CliOptions = {},
): { run: CliRun; diagnostics: JsonDiagnostic[]; report: JsonReport } {
  const run = runCli([...args, '--format', 'json'], options);
  const report = parseCheckJson(run.stdout, run.stderr);
  return { run, diagnostics: report.diagnostics, report };
}
