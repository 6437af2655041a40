// Cross-report checks through the engine's API, with an in-memory workspace: links are resolved and
// refused at their key, language versions are compared figure by figure (after unit conversion and
// within rounding), and prior-year figures against last year's report, period by period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeReport } from '../../server/src/engine/project';
import { crossReport, LinkedReportCache, withCrossReport } from '../../server/src/engine/xreport/report';
import { linkedColumns } from '../../server/src/engine/xreport/preview';
import { parseFrontMatter } from '../../server/src/engine/frontmatter';
import type { FileRead, ReportWorkspace } from '../../server/src/engine/workspace';
import type { AnalysisOptions, Diagnostic } from '../../server/src/engine';
import { locate } from './util';

/** Files under file:///w/ are the workspace; anything else is outside it. Counts reads per uri. */
function memoryWorkspace(files: Record<string, string>): ReportWorkspace & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    resolve(from, reference) {
      if (!reference || /^[a-z][a-z0-9+.-]+:/i.test(reference)) return undefined;
      return new URL(reference, from).href;
    },
    read(uri): FileRead {
      if (!uri.startsWith('file:///w/')) return { ok: false, uri, refusal: 'outside-workspace', detail: uri };
      reads.set(uri, (reads.get(uri) ?? 0) + 1);
      const text = files[uri.slice('file:///w/'.length)];
      if (text === undefined) return { ok: false, uri, refusal: 'not-found', detail: 'no such file' };
      return { ok: true, uri, text, decoded: { encoding: 'utf-8', bom: false } };
    },
    list: () => [],
    contains: (uri) => uri.startsWith('file:///w/'),
    // The content itself stands for size and modification time here.
    stamp: (uri) => files[uri.slice('file:///w/'.length)],
  };
}

function report(opts: {
  lang: string;
  period: string;
  links?: string[];
  rows: string[];
  header?: string;
  tags?: string;
}): string {
  return [
    '---',
    `lang: ${opts.lang}`,
    'esg:',
    `  period: ${opts.period}`,
    ...(opts.links ?? []).map((l) => `  ${l}`),
    '---',
    '',
    `# Environment {#env hkex="${opts.tags ?? 'A1 A2'}"}`,
    '',
    opts.header ?? '| Indicator | Unit | 2025 | 2024 |',
    '|---|---|--:|--:|',
    ...opts.rows,
    '',
  ].join('\n');
}

const EN_ROWS = [
  '| Electricity consumption | MWh | 18,400 | 19,110 |',
  '| Non-hazardous waste | t | 38.4 | 41.0 |',
  '| Employee turnover rate | % | 11.2 | 12.6 |',
];
const ZH_ROWS = [
  '| 耗電量 | 兆瓦時 | 18,400 | 19,110 |',
  '| 無害廢棄物 | 噸 | 38.4 | 41.0 |',
  '| 僱員流失率 | % | 11.2 | 12.6 |',
];

function check(
  files: Record<string, string>,
  name: string,
  options: AnalysisOptions = {},
  cache = new LinkedReportCache(),
) {
  const workspace = memoryWorkspace(files);
  const uri = `file:///w/${name}`;
  const own = analyzeReport({ uri, text: files[name] }, workspace, options);
  const cross = crossReport(own, workspace, options, cache);
  const project = withCrossReport(own, cross);
  const xreport = (project.diagnostics.get(uri) ?? []).filter((d: Diagnostic) => d.rule.startsWith('xreport/'));
  return { workspace, cross, project, xreport, text: files[name] };
}

test('front matter: translations and previous are accepted, and a wrong type is an error at the key', () => {
  const ok = parseFrontMatter('esg:\n  translations: [a.en.esg.md, b.sc.esg.md]\n  previous: ../2024/r.esg.md\n');
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.config.translations, ['a.en.esg.md', 'b.sc.esg.md']);
  assert.equal(ok.config.previous, '../2024/r.esg.md');
  const yaml = 'esg:\n  translations: a.en.esg.md\n  previous: [x]\n';
  const bad = parseFrontMatter(yaml);
  assert.deepEqual(
    bad.problems.map((p) => yaml.slice(p.start, p.end)),
    ['a.en.esg.md', '[x]'],
  );
});

test('two language versions that agree: no finding, and each linked report is read and analysed once', () => {
  const files = {
    'r.en.esg.md': report({ lang: 'en', period: '2025', links: ['translations: [r.zh.esg.md]'], rows: EN_ROWS }),
    'r.zh.esg.md': report({ lang: 'zh-Hant', period: '2025', links: ['translations: [r.en.esg.md]'], rows: ZH_ROWS }),
  };
  const cache = new LinkedReportCache();
  const first = check(files, 'r.en.esg.md', {}, cache);
  assert.deepEqual(first.xreport, []);
  assert.equal(first.cross.links.length, 1);
  assert.equal(first.workspace.reads.get('file:///w/r.zh.esg.md'), 1);
  // Unchanged (same stamp): the kept analysis, and the file is not read again.
  const again = check(files, 'r.en.esg.md', {}, cache);
  assert.equal(again.cross.links[0].project, first.cross.links[0].project);
  assert.equal(again.workspace.reads.get('file:///w/r.zh.esg.md'), undefined);
  // Changed: read and analysed again.
  files['r.zh.esg.md'] = files['r.zh.esg.md'].replace('38.4', '34.8');
  const changed = check(files, 'r.en.esg.md', {}, cache);
  assert.equal(changed.workspace.reads.get('file:///w/r.zh.esg.md'), 1);
  assert.notEqual(changed.cross.links[0].project, first.cross.links[0].project);
  assert.deepEqual(
    changed.xreport.map((d) => d.data?.kind),
    ['value'],
  );
  files['r.zh.esg.md'] = files['r.zh.esg.md'].replace('34.8', '38.4');
  assert.deepEqual(check(files, 'r.zh.esg.md').xreport, []);
});

test("translation-mismatch: a figure that differs points at the other version's cell; a unit converted correctly or a figure rounded differently is no finding", () => {
  const zh = [
    '| 耗電量 | 千瓦時 | 18,400,000 | 19,110,000 |',
    '| 無害廢棄物 | 噸 | 34.8 | 41.0 |',
    '| 僱員流失率 | % | 11.23 | 12.6 |',
  ];
  const files = {
    'r.en.esg.md': report({ lang: 'en', period: '2025', links: ['translations: [r.zh.esg.md]'], rows: EN_ROWS }),
    'r.zh.esg.md': report({ lang: 'zh-Hant', period: '2025', rows: zh }),
  };
  const { xreport, text } = check(files, 'r.en.esg.md');
  assert.equal(xreport.length, 1, xreport.map((d) => d.message).join('\n'));
  const d = xreport[0];
  assert.equal(d.rule, 'xreport/translation-mismatch');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range.start, locate(text, '38.4'));
  assert.match(d.message, /38\.4 t here, but 34\.8 噸 in the Traditional Chinese version `r\.zh\.esg\.md` \(line 12\)/);
  assert.equal(d.related?.[0].uri, 'file:///w/r.zh.esg.md');
  assert.deepEqual(d.related?.[0].range.start, locate(files['r.zh.esg.md'], '34.8'));
  assert.equal(d.data?.value, '34.8');
});

test('translation-mismatch: units of another kind, a KPI, a period and a requirement tag present in one version only', () => {
  const zh = ['| [耗電量]{#energy.electricity} | 噸 | 18,400 | 19,110 |', '| 僱員流失率 | % | 11.2 | |'];
  const files = {
    'r.en.esg.md': report({
      lang: 'en',
      period: '2025',
      links: ['translations: [r.zh.esg.md]'],
      rows: EN_ROWS,
      tags: 'A1 A2 B1',
    }),
    'r.zh.esg.md': report({ lang: 'zh-Hant', period: '2025', rows: zh }),
  };
  const { xreport, text } = check(files, 'r.en.esg.md');
  const got = xreport.map((d) => `${d.data?.kind}@${d.range.start.line + 1} ${d.severity}`);
  assert.deepEqual(got, [
    'tags@8 information',
    'unit@12 warning',
    'unit@12 warning',
    'kpi@13 information',
    'period@14 information',
  ]);
  assert.match(xreport[0].message, /Requirement B1 is tagged here/);
  assert.match(xreport[3].message, /Non-hazardous waste is reported here \(2024, 2025\)/);
  assert.deepEqual(xreport[4].range.start, locate(text, '12.6'));
});

test("restated: a prior-year figure that differs from last year's report, unmarked, is flagged; the current year is not compared", () => {
  const files = {
    '2025/r.esg.md': report({
      lang: 'en',
      period: '2025',
      links: ['previous: ../2024/r.esg.md'],
      rows: ['| Non-hazardous waste | t | 38.4 | 39.6 |', '| Electricity consumption | MWh | 18,400 | 19,110 |'],
    }),
    '2024/r.esg.md': report({
      lang: 'en',
      period: '2024',
      header: '| Indicator | Unit | 2024 | 2023 |',
      rows: [
        '| Non-hazardous waste | t | 41.0 | 43.5 |',
        '| Electricity consumption | kWh | 19,110,000 | 19,620,000 |',
      ],
    }),
  };
  const { xreport, text } = check(files, '2025/r.esg.md');
  assert.equal(xreport.length, 1, xreport.map((d) => d.message).join('\n'));
  assert.equal(xreport[0].rule, 'xreport/restated');
  assert.deepEqual(xreport[0].range.start, locate(text, '39.6'));
  assert.match(
    xreport[0].message,
    /\(2024\): 39\.6 t differs from the 41\.0 t published in last year's report `\.\.\/2024\/r\.esg\.md` \(line 11\)/,
  );
  assert.equal(xreport[0].related?.[0].uri, 'file:///w/2024/r.esg.md');
});

test("restated: the marker with a reason silences it; without a reason, or on a figure equal to last year's, it is flagged", () => {
  const previous = report({
    lang: 'en',
    period: '2024',
    header: '| Indicator | Unit | 2024 | 2023 |',
    rows: ['| Non-hazardous waste | t | 41.0 | 43.5 |'],
  });
  const run = (row: string) =>
    check(
      {
        '2025/r.esg.md': report({ lang: 'en', period: '2025', links: ['previous: ../2024/r.esg.md'], rows: [row] }),
        '2024/r.esg.md': previous,
      },
      '2025/r.esg.md',
    );
  assert.deepEqual(
    run('| [Non-hazardous waste]{restated="weighbridge records corrected"} | t | 38.4 | 39.6 |').xreport,
    [],
  );
  const noReason = run('| [Non-hazardous waste]{.restated} | t | 38.4 | 39.6 |');
  assert.deepEqual(
    noReason.xreport.map((d) => d.data?.kind),
    ['no-reason'],
  );
  assert.deepEqual(noReason.xreport[0].range.start, locate(noReason.text, '{.restated}'));
  const empty = run('| [Non-hazardous waste]{restated=""} | t | 38.4 | 39.6 |');
  assert.deepEqual(
    empty.xreport.map((d) => d.data?.kind),
    ['no-reason'],
  );
  const equal = run('| [Non-hazardous waste]{restated="factor update"} | t | 38.4 | 41 |');
  assert.deepEqual(
    equal.xreport.map((d) => d.data?.kind),
    ['equal'],
  );
  assert.deepEqual(equal.xreport[0].range.start, locate(equal.text, 'restated="factor'));
});

test("restated: a March year-end compares this report's 2024/25 column with last year's 2024/25 column, not its 2023/24", () => {
  const files = {
    '2026/r.esg.md': report({
      lang: 'en',
      period: '2025-04-01/2026-03-31',
      links: ['previous: ../2025/r.esg.md'],
      header: '| Indicator | Unit | 2025/26 | 2024/25 |',
      rows: ['| Non-hazardous waste | t | 38.4 | 41.0 |'],
    }),
    // Last year's 2023/24 figure is 38.4: matching against the wrong column would find 41.0 different.
    '2025/r.esg.md': report({
      lang: 'en',
      period: '2024-04-01/2025-03-31',
      header: '| Indicator | Unit | 2024/25 | 2023/24 |',
      rows: ['| Non-hazardous waste | t | 41.0 | 38.4 |'],
    }),
  };
  assert.deepEqual(check(files, '2026/r.esg.md').xreport, []);
  files['2025/r.esg.md'] = files['2025/r.esg.md'].replace('| 41.0 | 38.4 |', '| 40.2 | 38.4 |');
  const changed = check(files, '2026/r.esg.md');
  assert.deepEqual(
    changed.xreport.map((d) => `${d.data?.kind} ${d.data?.period}`),
    ['unmarked 2025'],
  );
});

test('xreport/link: missing, outside the workspace, itself, listed twice, both kinds, circular, another period: one diagnostic each at its entry', () => {
  const links = [
    'translations: [missing.esg.md, ../../etc/passwd, r.esg.md, t.esg.md, t.esg.md, other-year.esg.md]',
    'previous: t.esg.md',
  ];
  const files = {
    'r.esg.md': report({ lang: 'en', period: '2025', links, rows: EN_ROWS }),
    't.esg.md': report({ lang: 'zh-Hant', period: '2025', rows: ZH_ROWS }),
    'other-year.esg.md': report({ lang: 'zh-Hant', period: '2024', rows: ZH_ROWS }),
  };
  const { xreport, workspace, text } = check(files, 'r.esg.md');
  assert.deepEqual(
    xreport.map((d) => d.data?.kind),
    ['not-found', 'outside-workspace', 'self', 'duplicate', 'period', 'both'],
  );
  assert.deepEqual(xreport[0].range.start, locate(text, 'missing.esg.md'));
  assert.match(xreport[1].message, /outside the workspace/);
  assert.match(xreport[5].message, /both as a translation and as last year's report/);
  assert.ok(xreport.every((d) => d.rule === 'xreport/link' && d.severity === 'warning'));
  // Nothing outside the workspace was read, and the linked file was read once.
  assert.ok([...workspace.reads.keys()].every((u) => u.startsWith('file:///w/')));
  assert.equal(workspace.reads.get('file:///w/t.esg.md'), 1);
});

test('xreport/link: a previous year whose own previous is this report is circular; a previous that is not earlier is refused', () => {
  const files = {
    '2025/r.esg.md': report({ lang: 'en', period: '2025', links: ['previous: ../2024/r.esg.md'], rows: EN_ROWS }),
    '2024/r.esg.md': report({ lang: 'en', period: '2024', links: ['previous: ../2025/r.esg.md'], rows: EN_ROWS }),
  };
  assert.deepEqual(
    check(files, '2025/r.esg.md').xreport.map((d) => d.data?.kind),
    ['cycle'],
  );
  const later = {
    '2025/r.esg.md': files['2025/r.esg.md'],
    '2024/r.esg.md': report({ lang: 'en', period: '2026', rows: EN_ROWS }),
  };
  assert.deepEqual(
    check(later, '2025/r.esg.md').xreport.map((d) => d.data?.kind),
    ['not-earlier'],
  );
  const notReport = {
    '2025/r.esg.md': files['2025/r.esg.md'],
    '2024/r.esg.md': '# Notes\n\n| Indicator | Unit | 2024 |\n|---|---|--:|\n| Non-hazardous waste | t | 1 |\n',
  };
  const refused = check(notReport, '2025/r.esg.md').xreport;
  assert.deepEqual(
    refused.map((d) => d.data?.kind),
    ['not-a-report'],
  );
  assert.match(refused[0].message, /has no `esg:` front matter/);
});

test("severity overrides and off apply to the xreport rules; the messages follow the report's language", () => {
  const files = {
    'r.zh.esg.md': report({
      lang: 'zh-Hant',
      period: '2025',
      links: ['translations: [r.en.esg.md, nowhere.esg.md]'],
      rows: ZH_ROWS.map((r) => r.replace('38.4', '34.8')),
    }),
    'r.en.esg.md': report({ lang: 'en', period: '2025', rows: EN_ROWS }),
  };
  const zh = check(files, 'r.zh.esg.md');
  assert.deepEqual(
    zh.xreport.map((d) => d.rule),
    ['xreport/link', 'xreport/translation-mismatch'],
  );
  assert.match(zh.xreport[1].message, /本版本為 34\.8 噸，但英文版本 `r\.en\.esg\.md`（第 12 行）為 38\.4 t/);
  const off = check(files, 'r.zh.esg.md', {
    severity: { 'xreport/link': 'off', 'xreport/translation-mismatch': 'error' },
  });
  assert.deepEqual(
    off.xreport.map((d) => `${d.rule} ${d.severity}`),
    ['xreport/translation-mismatch error'],
  );
});

test('a report without links is checked as before, and hostile link values never throw', () => {
  const plain = report({ lang: 'en', period: '2025', rows: EN_ROWS });
  assert.deepEqual(check({ 'r.esg.md': plain }, 'r.esg.md').cross, {
    links: [],
    diagnostics: [],
    suppressed: [],
    found: [],
  });
  for (const links of [
    ['translations: [""]'],
    ['previous: https://example.com/r.esg.md'],
    ['translations: [[nested]]'],
    ['previous: 12'],
    ['translations: {a: b}'],
    ['previous: "\\0"'],
  ]) {
    const text = report({ lang: 'en', period: '2025', links, rows: EN_ROWS });
    assert.doesNotThrow(() => check({ 'r.esg.md': text }, 'r.esg.md'));
  }
  const url = check(
    {
      'r.esg.md': report({
        lang: 'en',
        period: '2025',
        links: ['previous: https://example.com/r.esg.md'],
        rows: EN_ROWS,
      }),
    },
    'r.esg.md',
  );
  assert.deepEqual(
    url.xreport.map((d) => d.data?.kind),
    ['not-a-path'],
  );
});

test('a cross-report rule that throws loses only its own results, and the error is reported', () => {
  const files = {
    'r.en.esg.md': report({
      lang: 'en',
      period: '2025',
      links: ['translations: [r.zh.esg.md, missing.esg.md]'],
      rows: EN_ROWS,
    }),
    'r.zh.esg.md': report({ lang: 'zh-Hant', period: '2025', rows: ZH_ROWS.map((r) => r.replace('38.4', '34.8')) }),
  };
  const errors: string[] = [];
  const { xreport } = check(files, 'r.en.esg.md', {
    faultRules: new Set(['xreport/translation-mismatch']),
    onRuleError: (rule) => errors.push(rule),
  });
  assert.deepEqual(errors, ['xreport/translation-mismatch']);
  assert.deepEqual(
    xreport.map((d) => d.rule),
    ['xreport/link'],
  );
});

test("a multi-file report links root to root: the translation's chapters are read with it, and related information points into the chapter", () => {
  const zhRoot = [
    '---',
    'lang: zh-Hant',
    'esg:',
    '  period: 2025',
    '  chapters: [chapters/env.esg.md]',
    '---',
    '',
    '# 關於 {#about}',
    '',
  ].join('\n');
  const zhChapter = [
    '# 環境 {#env hkex="A1 A2"}',
    '',
    '| 指標 | 單位 | 2025 | 2024 |',
    '|---|---|--:|--:|',
    ...ZH_ROWS.map((r) => r.replace('38.4', '34.8')),
    '',
  ].join('\n');
  const files = {
    'en/r.esg.md': report({ lang: 'en', period: '2025', links: ['translations: [../zh/r.esg.md]'], rows: EN_ROWS }),
    'zh/r.esg.md': zhRoot,
    'zh/chapters/env.esg.md': zhChapter,
  };
  const { xreport } = check(files, 'en/r.esg.md');
  const value = xreport.filter((d) => d.data?.kind === 'value');
  assert.equal(value.length, 1, xreport.map((d) => d.message).join('\n'));
  assert.equal(value[0].related?.[0].uri, 'file:///w/zh/chapters/env.esg.md');
  assert.deepEqual(value[0].related?.[0].range.start, locate(zhChapter, '34.8'));
  assert.match(value[0].message, /version `\.\.\/zh\/chapters\/env\.esg\.md` \(line 6\)/);
});

test("ten thousand translations: repeats and refusals said once per path, one too-many, and last year's report still followed", () => {
  const many = Array.from({ length: 10_000 }, (_, i) => `t${i % 3}.esg.md`).join(', ');
  const files = {
    'r.esg.md': report({
      lang: 'en',
      period: '2025',
      links: [`translations: [${many}]`, 'previous: p.esg.md'],
      rows: EN_ROWS,
    }),
    't0.esg.md': report({ lang: 'zh-Hant', period: '2025', rows: ZH_ROWS }),
    'p.esg.md': report({
      lang: 'en',
      period: '2024',
      header: '| Indicator | Unit | 2024 | 2023 |',
      rows: ['| Non-hazardous waste | t | 40.0 | 43.5 |'],
    }),
  };
  const started = performance.now();
  const { xreport, cross } = check(files, 'r.esg.md');
  assert.ok(performance.now() - started < 5000);
  // t1 and t2 missing; each of the three listed ~3,333 times: one duplicate (with its count) each.
  const links = xreport.filter((d) => d.rule === 'xreport/link');
  assert.deepEqual(links.map((d) => d.data?.kind).sort(), [
    'duplicate',
    'duplicate',
    'duplicate',
    'not-found',
    'not-found',
  ]);
  assert.match(links.find((d) => d.data?.kind === 'duplicate')!.message, /3,?33[34] times/);
  // Ten distinct translations: four are followed, one diagnostic says the rest are not.
  const distinct = Array.from({ length: 10_000 }, (_, i) => `t${i % 10}.esg.md`).join(', ');
  const capped = check(
    {
      ...files,
      'r.esg.md': report({ lang: 'en', period: '2025', links: [`translations: [${distinct}]`], rows: EN_ROWS }),
    },
    'r.esg.md',
  );
  assert.equal(capped.xreport.filter((d) => d.data?.kind === 'too-many').length, 1);
  assert.ok(capped.xreport.length <= 10, capped.xreport.map((d) => d.message).join('\n'));
  assert.ok(cross.links.some((l) => l.kind === 'previous'));
  assert.ok(xreport.some((d) => d.rule === 'xreport/restated'));
});

test('a suppression comment naming an xreport/ rule silences the cross-report finding, kept with its reason; one naming another rule does not', () => {
  const previous = report({
    lang: 'en',
    period: '2024',
    header: '| Indicator | Unit | 2024 | 2023 |',
    rows: ['| Non-hazardous waste | t | 41.0 | 43.5 |'],
  });
  const withComment = (comment: string) => ({
    '2025/r.esg.md': report({
      lang: 'en',
      period: '2025',
      links: ['previous: ../2024/r.esg.md'],
      header: `${comment}\n| Indicator | Unit | 2025 | 2024 |`,
      rows: ['| Non-hazardous waste | t | 38.4 | 39.6 |'],
    }),
    '2024/r.esg.md': previous,
  });
  const silenced = check(
    withComment('<!-- esgmark-disable-next-line xreport/restated -- restated in the annual report -->'),
    '2025/r.esg.md',
  );
  assert.deepEqual(silenced.xreport, []);
  const kept = silenced.project.suppressed.get('file:///w/2025/r.esg.md') ?? [];
  assert.deepEqual(
    kept.map((d) => [d.rule, d.reason, d.range.start]),
    [['xreport/restated', 'restated in the annual report', locate(silenced.text, '39.6')]],
  );
  assert.deepEqual(kept[0].suppressedBy.start, locate(silenced.text, '<!-- esgmark-disable'));
  assert.deepEqual(silenced.cross.found.length, 1);
  // Nor is the comment reported as silencing nothing.
  const own = silenced.project.diagnostics.get('file:///w/2025/r.esg.md') ?? [];
  assert.deepEqual(
    own.filter((d) => d.rule === 'esg/suppression'),
    [],
  );
  const other = check(
    withComment('<!-- esgmark-disable-next-line xreport/translation-mismatch -- another rule -->'),
    '2025/r.esg.md',
  );
  assert.deepEqual(
    other.xreport.map((d) => d.rule),
    ['xreport/restated'],
  );
  assert.deepEqual(other.project.suppressed.get('file:///w/2025/r.esg.md'), []);
});

test('a suppression in a chapter silences a cross-report finding in that chapter, at its own lines', () => {
  const chapter = (lang: string, rows: string[]) =>
    [
      '',
      '<!-- esgmark-disable xreport/translation-mismatch -- the Chinese table is revised later -->',
      '',
      '| Indicator | Unit | 2025 | 2024 |',
      '|---|---|--:|--:|',
      ...rows,
      '',
    ].join('\n');
  const root = (lang: string, links: string, chapterName: string) =>
    [
      '---',
      `lang: ${lang}`,
      'esg:',
      '  period: 2025',
      `  ${links}`,
      `  chapters: [${chapterName}]`,
      '---',
      '',
      `# Environment {#env hkex="A1 A2"}`,
      '',
    ].join('\n');
  const files = {
    'en/r.esg.md': root('en', 'translations: [../zh/r.esg.md]', 'env.esg.md'),
    'en/env.esg.md': `---\nlang: en\n---\n${chapter('en', ['| Non-hazardous waste | t | 38.4 | 41.0 |'])}`,
    'zh/r.esg.md': root('zh-Hant', 'translations: [../en/r.esg.md]', 'env.esg.md'),
    'zh/env.esg.md': `---\nlang: zh-Hant\n---\n${chapter('zh-Hant', ['| 無害廢棄物 | 噸 | 34.8 | 41.0 |'])}`,
  };
  const { cross, project } = check(files, 'en/r.esg.md');
  assert.deepEqual(cross.diagnostics, []);
  const suppressed = project.suppressed.get('file:///w/en/env.esg.md') ?? [];
  assert.deepEqual(
    suppressed.map((d) => [d.rule, d.range.start.line, d.suppressedBy.start.line]),
    [['xreport/translation-mismatch', 8, 4]],
  );
});

test("the preview's columns: each linked report's figure of this report's KPIs, with the verdict; a marked restatement is 'restated'", () => {
  const previous = report({
    lang: 'en',
    period: '2024',
    header: '| Indicator | Unit | 2024 | 2023 |',
    rows: ['| Non-hazardous waste | t | 41.0 | 43.5 |', '| Electricity consumption | kWh | 19,110,000 | 19,620,000 |'],
  });
  const files = {
    '2025/r.esg.md': report({
      lang: 'en',
      period: '2025',
      links: ['previous: ../2024/r.esg.md'],
      rows: [
        '| [Non-hazardous waste]{restated="weighbridge records corrected"} | t | 38.4 | 39.6 |',
        '| Electricity consumption | MWh | 18,400 | 19,110 |',
        '| Employee turnover rate | % | 11.2 | 12.6 |',
      ],
    }),
    '2024/r.esg.md': previous,
  };
  const { cross, project } = check(files, '2025/r.esg.md');
  const [column] = linkedColumns(project, cross, 'zh-Hant');
  assert.deepEqual(
    [column.kind, column.path, column.uri, column.language],
    ['previous', '../2024/r.esg.md', 'file:///w/2024/r.esg.md', '英文'],
  );
  // Only the figures both state: last year's 2024 column (its 2023 one and this year's 2025 are not this report's).
  assert.deepEqual(
    Object.entries(column.figures).map(([key, f]) => [key, f.raw, f.verdict, f.range.start.line]),
    [
      ['waste.non_hazardous@2024', '41.0 t', 'restated', 10],
      ['energy.electricity@2024', '19,110,000 kWh', 'same', 11],
    ],
  );
  assert.deepEqual(linkedColumns(project, { ...cross, links: [] }, 'en'), []);
});
