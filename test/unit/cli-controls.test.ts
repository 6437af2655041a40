// The CLI's one guard between report text and the terminal: showControls (text, SARIF messages, stderr,
// index and CSV output) and jsonWithEscapes (JSON and SARIF documents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonWithEscapes, showControls } from '../../server/src/cli/controls';
import { formatJson, formatSarif, formatText, type FileResult } from '../../server/src/cli/output';

const ESC = '\u001b';
/** Every character a terminal or a viewer could obey, one of each kind. */
const HOSTILE = `${ESC}[2K\r${ESC}]8;;http://x\u0007${ESC}]0;title\u0007\u0000\u0008\u000b\u000c\u007f\u0080\u0085\u009b\u009f\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069`;
/** Raw controls: C0 except tab, DEL, C1, separators, Bidi_Control. */
const RAW = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test('showControls: every control character is shown as a visible escape, and nothing else changes', () => {
  assert.equal(showControls(`a${ESC}[2Kb`), 'a\\x1b[2Kb');
  assert.equal(showControls(`${ESC}]0;title\u0007`), '\\x1b]0;title\\x07');
  assert.equal(showControls('\u009b31m'), '\\x9b31m');
  assert.equal(showControls('abc\u202edef\u2066'), 'abc\\u202edef\\u2066');
  assert.equal(showControls('x\r\ny\nz'), 'x\\x0d\\x0ay\\x0az');
  const shown = showControls(HOSTILE);
  assert.doesNotMatch(shown, RAW);
  // Each control became exactly one escape: count them back.
  assert.equal(shown.match(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/g)?.length, [...HOSTILE].filter((c) => RAW.test(c)).length);
  // Tab, Chinese text, emoji, backslashes and ordinary punctuation are untouched.
  const plain = '範圍 1\t排放 😀 C:\\path [x](#y) 100%';
  assert.equal(showControls(plain), plain);
});

test('showControls: line breaks and bidi controls are kept only when asked for; a lone CR never is', () => {
  assert.equal(showControls('a\r\nb\nc\rd', { lineBreaks: true }), 'a\r\nb\nc\\x0dd');
  assert.equal(showControls(`\u202eab${ESC}`, { bidi: true }), `\u202eab\\x1b`);
  assert.equal(showControls('\u2028', { lineBreaks: true }), '\\u2028');
});

test('showControls is linear: a megabyte of controls takes milliseconds', () => {
  const big = HOSTILE.repeat(40_000);
  const started = process.hrtime.bigint();
  const shown = showControls(big);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.doesNotMatch(shown, RAW);
  assert.ok(ms < 2000, `${ms} ms`);
});

test('jsonWithEscapes: the same JSON value, with no raw C1, DEL, separator or bidi character left', () => {
  const value = { message: HOSTILE, file: `r${HOSTILE}.esg.md`, nested: [HOSTILE] };
  const json = jsonWithEscapes(JSON.stringify(value, null, 2));
  assert.doesNotMatch(json.replace(/\n/g, ''), RAW);
  assert.deepEqual(JSON.parse(json), value);
});

const RESULT: FileResult[] = [
  {
    file: `r${HOSTILE}.esg.md`,
    absolute: `/tmp/r${HOSTILE}.esg.md`,
    diagnostics: [
      {
        uri: 'file:///tmp/r.esg.md',
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } },
        severity: 'error',
        rule: 'kpi/bad-number',
        message: `"L${HOSTILE}" (2025): \`5${HOSTILE}\` is not a number.`,
      },
    ],
  },
];

test('text, JSON and SARIF output of a hostile file name and message: nothing raw, the text still readable', () => {
  const text = formatText(RESULT, false);
  assert.doesNotMatch(text.replace(/\n/g, ''), RAW);
  assert.match(text, /^r\\x1b\[2K\\x0d\\x1b\]8;;http:\/\/x\\x07.*\.esg\.md:3:5 {2}error {2}"L\\x1b\[2K/);
  // Colours the CLI adds itself on a TTY are kept: the only raw ESC left are its own SGR codes.
  const colored = formatText(RESULT, true);
  assert.deepEqual([...new Set(colored.match(/\u001b\[[0-9;]*m/g))].sort(), [
    '\u001b[1m',
    '\u001b[22m',
    '\u001b[2m',
    '\u001b[31m',
    '\u001b[39m',
  ]);
  assert.doesNotMatch(colored.replace(/\u001b\[[0-9;]*m/g, '').replace(/\n/g, ''), RAW);

  const json = formatJson(RESULT, '0.0.0');
  assert.doesNotMatch(json.replace(/\n/g, ''), RAW);
  const parsed = (JSON.parse(json) as { diagnostics: { file: string; message: string }[] }).diagnostics;
  assert.equal(parsed[0].file, RESULT[0].file, 'JSON stays faithful');
  assert.equal(parsed[0].message, RESULT[0].diagnostics[0].message);

  const sarif = formatSarif(
    RESULT,
    [{ id: 'kpi/bad-number', severity: 'error', description: `d${HOSTILE}` }],
    '0.0.0',
    '/tmp',
  );
  assert.doesNotMatch(sarif.replace(/\n/g, ''), RAW);
  const log = JSON.parse(sarif) as {
    runs: {
      results: {
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      }[];
      tool: { driver: { rules: { shortDescription: { text: string } }[] } };
    }[];
  };
  const result = log.runs[0].results[0];
  // Viewers render message.text: the controls are escapes a reader can see, even after JSON decoding.
  assert.doesNotMatch(result.message.text, RAW);
  assert.match(result.message.text, /\\x1b\[2K/);
  assert.doesNotMatch(log.runs[0].tool.driver.rules[0].shortDescription.text, RAW);
  assert.doesNotMatch(result.locations[0].physicalLocation.artifactLocation.uri, RAW);
});
