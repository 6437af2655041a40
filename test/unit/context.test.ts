// The reporting context: the financial year from `esg.period` (three forms, and `year-end`), the
// obligations decided by the day the year commences, and reports of years before the Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRule, locate, missingIds, run } from './util';
import { parseFrontMatter } from '../../server/src/engine/frontmatter';
import { reportingContext } from '../../server/src/engine/context';
import { getHover } from '../../server/src/engine';
import { buildReportModel } from '../../server/src/engine/features/report';

const front = (esg: string[], lang = 'en') =>
  ['---', `lang: ${lang}`, 'esg:', '  issuer: Test Holdings', ...esg.map((l) => `  ${l}`), '---', ''].join('\n');
const ctxOf = (esg: string[]) => {
  const { config, problems } = parseFrontMatter(['esg:', ...esg.map((l) => `  ${l}`)].join('\n'));
  return { rc: reportingContext(config), problems };
};

test('period: a year, a year with year-end, {from, to}, and from/to give the same kind of financial year', () => {
  assert.deepEqual(
    (({ fyStart, fyEnd, commencementYear, known }) => ({ fyStart, fyEnd, commencementYear, known }))(
      ctxOf(['period: 2025']).rc,
    ),
    { fyStart: '2025-01-01', fyEnd: '2025-12-31', commencementYear: 2025, known: true },
  );
  // A year with a year-end names the year the financial year ends in, as 'FY2026' does in a March-year report.
  const march = ctxOf(['period: 2026', 'year-end: 03-31']);
  assert.deepEqual(march.problems, []);
  assert.equal(march.rc.fyStart, '2025-04-01');
  assert.equal(march.rc.fyEnd, '2026-03-31');
  assert.equal(march.rc.commencementYear, 2025);
  const quoted = ctxOf(['period: "2026"', 'year-end: "06-30"']).rc;
  assert.deepEqual([quoted.fyStart, quoted.fyEnd], ['2025-07-01', '2026-06-30']);
  const compact = ctxOf(['period: 2025-04-01/2026-03-31']);
  assert.deepEqual(compact.problems, []);
  assert.deepEqual([compact.rc.fyStart, compact.rc.fyEnd, compact.rc.fyYear], ['2025-04-01', '2026-03-31', 2026]);
  const map = ctxOf(['period: {from: 2025-04-01, to: 2026-03-31}']).rc;
  assert.deepEqual([map.fyStart, map.fyEnd], ['2025-04-01', '2026-03-31']);
  // A leap-year end of February.
  const feb = ctxOf(['period: 2025', 'year-end: 02-29']).rc;
  assert.deepEqual([feb.fyStart, feb.fyEnd], ['2024-03-01', '2025-02-28']);
  // No period: the first calendar year of the Code, marked as assumed.
  const none = ctxOf(['issuer-class: largecap']).rc;
  assert.deepEqual(
    [none.fyStart, none.fyEnd, none.known, none.issuerClass],
    ['2025-01-01', '2025-12-31', false, 'largecap'],
  );
  // The issuer-class option wins over the front matter.
  assert.equal(
    reportingContext(parseFrontMatter('esg:\n  issuer-class: largecap\n').config, { issuerClass: 'gem' }).issuerClass,
    'gem',
  );
});

test('period and year-end: errors for dates that do not exist, run backwards, lie outside 1990-2100 or disagree', () => {
  const keys = (esg: string[]) => ctxOf(esg).problems.map((p) => p.key);
  assert.deepEqual(keys(['period: 2025-02-30/2026-03-31']), ['fm.periodDate']);
  assert.deepEqual(keys(['period: 2026-04-01/2025-03-31']), ['fm.periodOrder']);
  assert.deepEqual(keys(['period: {from: 2026-04-01, to: 2025-03-31}']), ['fm.periodOrder']);
  assert.deepEqual(keys(['period: 1850-01-01/1850-12-31']), ['fm.periodRange']);
  assert.deepEqual(keys(['period: 2025-04-01 to 2026-03-31']), ['fm.invalidShape']);
  assert.deepEqual(keys(['period: 2026', 'year-end: 3-31']), ['fm.yearEnd']);
  assert.deepEqual(keys(['period: 2026', 'year-end: 02-30']), ['fm.yearEnd']);
  assert.deepEqual(keys(['period: 2025-04-01/2026-03-31', 'year-end: 12-31']), ['fm.yearEndConflict']);
  assert.deepEqual(keys(['period: 2025-04-01/2026-03-31', 'year-end: 03-31']), []);
  // A bad period is not used: the year stays unknown (no 'FY1850' in messages).
  assert.equal(ctxOf(['period: 2026-04-01/2025-03-31']).rc.known, false);
  // In a report, the error is at the value.
  const text = `${front(['period: 2026-04-01/2025-03-31'])}# A\n`;
  const d = byRule(run(text), 'frontmatter/schema');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, locate(text, '2026-04-01/'));
});

const partD = (a: ReturnType<typeof run>, id = 'D19') =>
  byRule(a, 'hkex/missing').find((d) => missingIds(d).includes(id));

test('Part D for LargeCap is decided by the day the financial year commences', () => {
  const body = '# Board statement {hkex="MDR-governance"}\n\nx\n';
  // 1 Apr 2025 – 31 Mar 2026: commences before 1 Jan 2026, so 'comply or explain', although it ends in 2026.
  for (const period of [
    ['period: 2025-04-01/2026-03-31'],
    ['period: {from: 2025-04-01, to: 2026-03-31}'],
    ['period: 2026', 'year-end: 03-31'],
  ]) {
    const a = run(front([...period, 'issuer-class: largecap']) + body);
    assert.equal(partD(a)?.severity, 'warning', period.join(' '));
    assert.match(partD(a)!.message, /for a LargeCap issuer in FY 1 Apr 2025 – 31 Mar 2026/);
  }
  // 1 Apr 2026 – 31 Mar 2027: mandatory.
  const later = run(front(['period: 2026-04-01/2027-03-31', 'issuer-class: largecap']) + body);
  assert.equal(partD(later)?.severity, 'error');
  // A calendar year 2026: mandatory; a Main Board issuer in the same year: still 'comply or explain'.
  assert.equal(partD(run(front(['period: 2026', 'issuer-class: largecap']) + body))?.severity, 'error');
  assert.equal(partD(run(front(['period: 2026-04-01/2027-03-31']) + body))?.severity, 'warning');
  // Scope 1 is mandatory for everyone in any year of the Code.
  assert.equal(partD(run(front(['period: 2025-04-01/2026-03-31']) + body), 'D28(a)')?.severity, 'error');
});

test('hover and the coverage view say which financial year and which rule applied', () => {
  const text = `${front(['period: 2025-04-01/2026-03-31', 'issuer-class: largecap'])}# Climate {#climate hkex="D19"}\n\nx\n`;
  const a = run(text);
  const hover = getHover(a, locate(text, 'D19'));
  assert.match(
    String(hover?.contents),
    /FY 1 Apr 2025 – 31 Mar 2026, commencing before 1 Jan 2026: Part D is 'comply or explain' for LargeCap issuers/,
  );
  assert.match(String(hover?.contents), /'comply or explain' \(LargeCap\)/);
  const model = buildReportModel(a);
  assert.match(
    model.coverage.context ?? '',
    /^FY 1 Apr 2025 – 31 Mar 2026, commencing before 1 Jan 2026: Part D is 'comply or explain' for LargeCap/,
  );
  assert.deepEqual(model.reporting && [model.reporting.fyStart, model.reporting.fyEnd, model.reporting.codeVersion], [
    '2025-04-01',
    '2026-03-31',
    'hkex-esg-2025',
  ]);
  assert.equal(model.requirements.find((r) => r.id === 'D20')?.obligation, 'comply-or-explain');
  // The next year: mandatory, and the coverage view says so.
  const next = buildReportModel(run(text.replace('2025-04-01/2026-03-31', '2026-04-01/2027-03-31')));
  assert.match(next.coverage.context ?? '', /commencing on or after 1 Jan 2026: Part D is mandatory for LargeCap/);
  assert.equal(next.requirements.find((r) => r.id === 'D20')?.obligation, 'mandatory');
  // In Chinese, and without a period (assumed, said so).
  const zh = buildReportModel(run(`${front(['issuer-class: largecap'], 'zh-Hant')}# 氣候 {hkex="D19"}\n\nx\n`));
  assert.match(zh.coverage.context ?? '', /^2025 財政年度（未設 `esg.period`：假定為守則首個年度）/);
});

test('a report of a year before the Code: A1.2 is not deleted, Part D not applicable, one information diagnostic', () => {
  const body = [
    '# Emissions {#emissions hkex="A1 A1.1 A1.2"}',
    '',
    'x',
    '',
    '# Index {.hkex-index}',
    '',
    '| Aspect | Where |',
    '|---|---|',
    '| A1.2 | [Emissions](#emissions) |',
    '',
  ].join('\n');
  const text = front(['period: 2022', 'issuer-class: largecap']) + body;
  const a = run(text);
  assert.deepEqual(byRule(a, 'hkex/deleted'), [], 'A1.2 was in force in FY2022');
  const missing = byRule(a, 'hkex/missing');
  assert.equal(
    missing.some((d) => missingIds(d).some((x) => x.startsWith('D'))),
    false,
    'Part D is not applicable before its phase-in',
  );
  assert.ok(missing.length > 0);
  assert.ok(
    missing.every((d) => d.severity === 'information'),
    'no warning or error that only the anachronism causes',
  );
  assert.ok(missing.every((d) => !/mandatory for a LargeCap issuer in FY2022/.test(d.message)));
  assert.match(missing.find((d) => missingIds(d).includes('B1'))!.message, /applied as guidance to FY2022/);
  assert.ok(byRule(a, 'hkex/index-missing-row').every((d) => d.severity === 'information'));
  const pre = byRule(a, 'hkex/predates-code');
  assert.equal(pre.length, 1);
  assert.equal(pre[0].severity, 'information');
  assert.deepEqual(pre[0].range.start, locate(text, 'period:'));
  assert.match(pre[0].message, /FY2022, which commences before 1 Jan 2025/);
  // A year that starts in 2024 and ends in 2025 is still before the Code.
  const march = run(front(['period: 2024-04-01/2025-03-31']) + body);
  assert.deepEqual(byRule(march, 'hkex/deleted'), []);
  assert.equal(byRule(march, 'hkex/predates-code').length, 1);
  // The first year of the Code: A1.2 is deleted, Part D applies, no predates-code.
  const now = run(front(['period: 2025']) + body);
  assert.deepEqual(
    byRule(now, 'hkex/deleted').map((d) => d.data?.id),
    ['A1.2', 'A1.2'],
  );
  assert.equal(byRule(now, 'hkex/predates-code').length, 0);
  assert.equal(partD(now, 'D28(a)')?.severity, 'error');
  // No period: FY2025 assumed, no predates-code.
  assert.equal(byRule(run(front([]) + body), 'hkex/predates-code').length, 0);
  // The hover on A1.2 in the old report does not say it is deleted.
  const hover = getHover(a, locate(text, 'A1.2'));
  assert.doesNotMatch(String(hover?.contents), /Deleted with effect/);
  assert.match(String(hover?.contents), /the 2025 Code does not apply/);
});
