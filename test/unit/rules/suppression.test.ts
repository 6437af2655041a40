// esg/suppression: `esgmark-disable` comments silence exactly what they cover, keep the reason for
// reviewers, and are themselves reported when they give no reason, name no known rule, or silence
// nothing. Incremental analysis keeps working when a suppression is added or removed by an edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/engine';
import { FRONT, byRule, run } from '../util';

const UNKNOWN = '# A {hkex="A9.9"}\n\nx\n';

test('disable-next-line silences the next line for the rule named, and keeps the finding with its reason', () => {
  const text = `${FRONT}<!-- esgmark-disable-next-line hkex/unknown-id -- the issuer's own id, kept as printed -->\n${UNKNOWN}`;
  const a = run(text, { locale: 'en' });
  assert.deepEqual(byRule(a, 'hkex/unknown-id'), []);
  assert.deepEqual(byRule(a, 'esg/suppression'), []);
  assert.equal(a.suppressed.length, 1);
  assert.equal(a.suppressed[0].rule, 'hkex/unknown-id');
  assert.equal(a.suppressed[0].reason, "the issuer's own id, kept as printed");
  assert.equal(
    a.suppressed[0].suppressedBy.start.line,
    text.split('\n').findIndex((l) => l.includes('esgmark-disable')),
  );
  // Without the comment the finding is back.
  assert.equal(byRule(run(`${FRONT}${UNKNOWN}`), 'hkex/unknown-id').length, 1);
});

test('the next line skips blank lines; another rule on that line is not silenced', () => {
  const text = `${FRONT}<!-- esgmark-disable-next-line hkex/deleted -- kept -->\n\n${UNKNOWN}`;
  const a = run(text, { locale: 'en' });
  assert.equal(byRule(a, 'hkex/unknown-id').length, 1);
  const s = byRule(a, 'esg/suppression');
  assert.equal(s.length, 1);
  assert.match(s[0].message, /suppression of hkex\/deleted silences nothing/);
});

test('a comment above a table covers all of its rows', () => {
  const table = '| 指標 | 單位 | 2025 |\n|---|---|---:|\n| 總耗水量 | 光年 | 1 |\n| 總耗電量 | 光年 | 2 |\n';
  const plain = byRule(run(`${FRONT}# 環境\n\n${table}`), 'kpi/unknown-unit');
  assert.equal(plain.length, 2);
  const a = run(
    `${FRONT}# 環境\n\n<!-- esgmark-disable-next-line kpi/unknown-unit -- units as printed by the issuer -->\n${table}`,
  );
  assert.deepEqual(byRule(a, 'kpi/unknown-unit'), []);
  assert.equal(a.suppressed.length, 2);
});

test('disable … enable covers the lines between; no rule id means every rule', () => {
  const text = `${FRONT}<!-- esgmark-disable -- draft section, checked before publication -->\n${UNKNOWN}<!-- esgmark-enable -->\n\n# B {hkex="B9.9"}\n\ny\n`;
  const a = run(text, { locale: 'en' });
  const unknown = byRule(a, 'hkex/unknown-id');
  assert.equal(unknown.length, 1);
  assert.match(unknown[0].message, /B9\.9/);
  assert.ok(a.suppressed.some((d) => d.rule === 'hkex/unknown-id' && /A9\.9/.test(d.message)));
});

test('a suppression without a reason, or naming an unknown rule, is reported (and still applies)', () => {
  const text = `${FRONT}<!-- esgmark-disable-next-line hkex/unknown-id -->\n${UNKNOWN}\n<!-- esgmark-disable-next-line kpi/no-such-rule -- why -->\n# C\n\nz\n`;
  const a = run(text, { locale: 'en' });
  assert.deepEqual(byRule(a, 'hkex/unknown-id'), []);
  const s = byRule(a, 'esg/suppression').map((d) => d.message);
  assert.equal(s.length, 2, s.join('\n'));
  assert.match(s[0], /gives no reason/);
  assert.match(s[1], /kpi\/no-such-rule: not an esgmark rule/);
});

test('a directive in a code block or the front matter is text', () => {
  const text = `${FRONT}\`\`\`\n<!-- esgmark-disable-next-line hkex/unknown-id -- x -->\n\`\`\`\n${UNKNOWN}`;
  const a = run(text);
  assert.equal(byRule(a, 'hkex/unknown-id').length, 1);
  assert.deepEqual(byRule(a, 'esg/suppression'), []);
});

test('adding and removing a suppression by an edit gives what a full analysis gives', () => {
  const before = `${FRONT}${UNKNOWN}`;
  const after = `${FRONT}<!-- esgmark-disable-next-line hkex/unknown-id -- ok -->\n${UNKNOWN}`;
  const full = analyze({ uri: 'file:///s.esg.md', text: after });
  const derived = analyze(
    { uri: 'file:///s.esg.md', text: after },
    {},
    analyze({ uri: 'file:///s.esg.md', text: before }),
  );
  assert.deepEqual(derived.diagnostics, full.diagnostics);
  const back = analyze({ uri: 'file:///s.esg.md', text: before }, {}, derived);
  assert.deepEqual(back.diagnostics, analyze({ uri: 'file:///s.esg.md', text: before }).diagnostics);
  assert.equal(byRule(back, 'hkex/unknown-id').length, 1);
});
