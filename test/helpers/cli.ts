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

export function runJson(args: readonly string[], options: CliOptions = {}): { run: CliRun; diagnostics: JsonDiagnostic[] } {
  const run = runCli([...args, '--format', 'json'], options);
  let diagnostics: JsonDiagnostic[];
  try {
    diagnostics = JSON.parse(run.stdout) as JsonDiagnostic[];
  } catch (error) {
    throw new Error(`--format json printed invalid JSON (${String(error)}):\n${run.stdout}\nstderr: ${run.stderr}`);
  }
  return { run, diagnostics };
}
