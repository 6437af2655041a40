// Running the built CLI as a process under bounds (wall time, peak memory), for the hostile-input
// tests: each case asserts its exit code, its diagnostic, and that it stayed well inside the bounds.
// The bounds are generous on purpose (CI machines are noisy); the failures they catch are orders of
// magnitude bigger: a hang, a quadratic blow-up, gigabytes read from a device.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { requireBuilt, REPO_ROOT } from './paths';

export interface BoundedRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run in milliseconds. */
  ms: number;
  /** Peak resident set size in MiB (from the preloaded probe), or NaN when the process died before exit. */
  peakMiB: number;
  /** True when the run was killed at the time limit. */
  timedOut: boolean;
}

export interface BoundedOptions {
  cwd?: string;
  /** Killed after this many ms (default 30 s). */
  timeoutMs?: number;
  /** Heap limit of the child in MiB (default 1024): a runaway fails fast instead of swapping. */
  maxOldSpaceMiB?: number;
  env?: NodeJS.ProcessEnv;
  /** Standard output is cut at this many characters (default 4 MiB); the rest is counted only. */
  maxStdout?: number;
}

const PROBE = path.join(REPO_ROOT, 'test', 'helpers', 'rss-probe.cjs');

export function runCliBounded(
  args: readonly string[],
  options: BoundedOptions = {},
): Promise<BoundedRun & { stdoutLength: number }> {
  const cli = requireBuilt('cli.js');
  const probeDir = mkdtempSync(path.join(tmpdir(), 'esgmark-rss-'));
  const rssFile = path.join(probeDir, 'rss');
  const started = process.hrtime.bigint();
  const maxStdout = options.maxStdout ?? 4 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${options.maxOldSpaceMiB ?? 1024}`, '--require', PROBE, cli, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', ESGMARK_TEST_RSS_FILE: rssFile, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stdoutLength = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdoutLength += chunk.length;
      if (stdout.length < maxStdout) stdout += chunk.slice(0, maxStdout - stdout.length);
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 1 << 20) stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(probeDir, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let peakMiB = Number.NaN;
      try {
        peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // No probe file: the process was killed or aborted before its exit handlers ran.
      }
      rmSync(probeDir, { recursive: true, force: true });
      resolve({ status, signal, stdout, stdoutLength, stderr, ms, peakMiB, timedOut });
    });
  });
}

/** Peak resident set size (VmHWM) of a live process in MiB, from /proc; NaN where /proc is absent. */
export function peakRssOfPid(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A short description of a run for assertion messages. */
export function describeRun(run: BoundedRun): string {
  return (
    `exit ${String(run.status)}${run.signal ? ` (${run.signal})` : ''}${run.timedOut ? ' TIMED OUT' : ''}, ${run.ms.toFixed(0)} ms, ` +
    `peak ${run.peakMiB.toFixed(0)} MiB\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`
  );
}

/** Whether `mkfifo` exists here (the FIFO cases need it; every Debian machine has it). */
export function fifoSupported(): boolean {
  try {
    execFileSync('mkfifo', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
