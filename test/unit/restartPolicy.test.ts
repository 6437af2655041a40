// The client's crash policy (client/src/restartPolicy.ts): a crashed server is restarted until it has
// crashed 5 times within 3 minutes. A fake clock drives it; the real client applies it in lsp.ts, and
// the end-to-end suite kills the real server to check the restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_CONNECTION_ERRORS,
  MAX_CRASHES,
  RestartPolicy,
  WINDOW_MS,
  connectionErrorAction,
  crashLogLine,
  describeExit,
} from '../../client/src/restartPolicy';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function policyWithClock(start = 1_000_000): { policy: RestartPolicy; advance: (ms: number) => void } {
  let now = start;
  return { policy: new RestartPolicy(MAX_CRASHES, WINDOW_MS, () => now), advance: (ms) => (now += ms) };
}

test('the defaults are 5 crashes in 3 minutes', () => {
  assert.equal(MAX_CRASHES, 5);
  assert.equal(WINDOW_MS, 3 * MINUTE);
});

test('crashes 1 to 4 within the window restart the server, the 5th gives up', () => {
  const { policy, advance } = policyWithClock();
  const decisions = [];
  for (let i = 0; i < 5; i++) {
    decisions.push(policy.recordCrash());
    advance(10 * SECOND);
  }
  assert.deepEqual(
    decisions.map((d) => [d.crashInWindow, d.restart]),
    [
      [1, true],
      [2, true],
      [3, true],
      [4, true],
      [5, false],
    ],
  );
});

test('crashes older than the window no longer count', () => {
  const { policy, advance } = policyWithClock();
  // Four crashes in quick succession, then a quiet spell just over 3 minutes after the first.
  for (let i = 0; i < 4; i++) {
    assert.equal(policy.recordCrash().restart, true);
    advance(SECOND);
  }
  advance(WINDOW_MS - 4 * SECOND);
  // Exactly 3 minutes after the first crash: the first is out of the window, the other three are in.
  const fifth = policy.recordCrash();
  assert.equal(fifth.crashInWindow, 4);
  assert.equal(fifth.restart, true);
  // One second later the second crash leaves too, but this sixth crash makes 4 again.
  advance(SECOND);
  assert.equal(policy.recordCrash().crashInWindow, 4);
  assert.equal(policy.recentCrashes, 4);
});

test('five crashes spread over more than 3 minutes keep restarting', () => {
  const { policy, advance } = policyWithClock();
  for (let i = 0; i < 20; i++) {
    const decision = policy.recordCrash();
    assert.equal(decision.restart, true, `crash ${i + 1}`);
    assert.ok(decision.crashInWindow <= 4);
    advance(50 * SECOND); // 4 crashes fit in 3 minutes at this pace, 5 do not
  }
});

test('reset (a restart by hand) gives a fresh allowance', () => {
  const { policy, advance } = policyWithClock();
  for (let i = 0; i < 5; i++) policy.recordCrash();
  assert.equal(policy.recentCrashes, 5);
  policy.reset();
  assert.equal(policy.recentCrashes, 0);
  advance(SECOND);
  const next = policy.recordCrash();
  assert.deepEqual([next.crashInWindow, next.restart], [1, true]);
});

test('a clock that goes back does not count crashes from the future', () => {
  const { policy, advance } = policyWithClock();
  for (let i = 0; i < 4; i++) policy.recordCrash();
  advance(-10 * MINUTE);
  assert.equal(policy.recordCrash().crashInWindow, 1);
});

test('other limits are honoured and invalid ones refused', () => {
  let now = 0;
  const once = new RestartPolicy(1, MINUTE, () => now);
  assert.equal(once.recordCrash().restart, false);
  now += MINUTE;
  assert.equal(once.recordCrash().restart, false, 'a limit of 1 never restarts');
  assert.throws(() => new RestartPolicy(0), RangeError);
  assert.throws(() => new RestartPolicy(2.5), RangeError);
  assert.throws(() => new RestartPolicy(5, 0), RangeError);
  assert.throws(() => new RestartPolicy(5, Number.NaN), RangeError);
});

test('describeExit names the signal or the exit code, when known', () => {
  assert.equal(describeExit({ code: null, signal: 'SIGKILL' }), 'signal SIGKILL');
  assert.equal(describeExit({ code: 3, signal: null }), 'exit code 3');
  assert.equal(describeExit({ code: 0, signal: null }), 'exit code 0');
  assert.equal(describeExit({ code: null, signal: null }), undefined);
  assert.equal(describeExit(undefined), undefined);
});

test('the log line says what happened, how often, and what the client does', () => {
  const { policy } = policyWithClock();
  const first = crashLogLine(policy.recordCrash(), { code: null, signal: 'SIGKILL' });
  assert.equal(
    first,
    'esgmark language server stopped unexpectedly (signal SIGKILL; crash 1 of 5 in 3 minutes); restarting',
  );
  const second = crashLogLine(policy.recordCrash(), undefined);
  assert.equal(second, 'esgmark language server stopped unexpectedly (crash 2 of 5 in 3 minutes); restarting');
  policy.recordCrash();
  policy.recordCrash();
  const last = crashLogLine(policy.recordCrash(), { code: 1, signal: null });
  assert.match(
    last,
    /^esgmark language server stopped unexpectedly \(exit code 1; crash 5 of 5 in 3 minutes\); not restarting/,
  );
  assert.match(last, /"esgmark: Restart Language Server"/);
  const short = crashLogLine(new RestartPolicy(2, 90 * SECOND, () => 0).recordCrash(), undefined);
  assert.match(short, /crash 1 of 2 in 90 seconds\); restarting$/);
});

test('a write error from a server that has gone is a crash in progress, never a shutdown', () => {
  // Each failed IPC send counts twice in vscode-jsonrpc, so a burst of pending writes passes the limit
  // before Node reports the exit; shutting down then would stop the client instead of restarting it.
  assert.equal(connectionErrorAction({ code: 'ERR_IPC_CHANNEL_CLOSED', count: 8, processGone: false }), 'crash');
  assert.equal(connectionErrorAction({ code: 'EPIPE', count: 4, processGone: false }), 'crash');
  assert.equal(connectionErrorAction({ code: undefined, count: 12, processGone: true }), 'crash');
});

test('a live connection is shut down after more than 3 errors, not before', () => {
  const action = (count: number | undefined) => connectionErrorAction({ code: 'EINVAL', count, processGone: false });
  assert.deepEqual([1, 2, 3, 4, 9].map(action), ['transient', 'transient', 'transient', 'shutdown', 'shutdown']);
  assert.equal(action(undefined), 'transient');
  assert.equal(MAX_CONNECTION_ERRORS, 3);
});
