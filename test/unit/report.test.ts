// The report model of the preview and coverage views: figures grouped by HKEX aspect with their check
// status, GHG by scope, Scope 3 by category, and every requirement's coverage status, on the bundled
// examples and on small reports written for one point each.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, getReportModel, type Analysis, type ReportKpiRow, type ReportModel } from '../../server/src/engine';
import { getFramework } from '../../server/src/engine/catalogs/hkex';
import { remapReportModel } from '../../server/src/engine/features/report';
import { locate, missingIds } from './util';

const root = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
const EXAMPLES = [
  'zhipu-2025.esg.md',
  'zhipu-2025-defects.esg.md',
  'zhipu-2025-no-index.esg.md',
  'annual-report-en.esg.md',
];

function analyzeExample(name: string): { text: string; analysis: Analysis; model: ReportModel } {
  const text = read(name);
  const analysis = analyze({ uri: `file:///${name}`, text });
  return { text, analysis, model: getReportModel(analysis) };
}

function rows(model: ReportModel): ReportKpiRow[] {
  return model.kpiGroups.flatMap((g) => g.rows);
}

function rowByLabel(model: ReportModel, label: string, occurrence = 0): ReportKpiRow {
  const found = rows(model).filter((r) => r.label.startsWith(label));
  assert.ok(
    found[occurrence],
    `no row labelled ${label}; rows: ${rows(model)
      .map((r) => r.label)
      .join(', ')}`,
  );
  return found[occurrence];
}

describe('report model of the Zhipu example', () => {
  const { text, analysis, model } = analyzeExample('zhipu-2025.esg.md');

  it('marks the turnover rate the rate check rejects as disagreeing, with the failed check', () => {
    const row = rowByLabel(model, '員工總體流失比率');
    assert.equal(row.kpiId, 'turnover.rate');
    const v = row.values.find((x) => x.period === '2025')!;
    assert.equal(v.raw, '28.64');
    assert.equal(v.check, 'disagrees');
    const failed = v.checks.filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => c.rule),
      ['kpi/rate-mismatch'],
    );
    // The same failure the rule publishes, at the same cell.
    const diagnostic = analysis.diagnostics.find((d) => d.rule === 'kpi/rate-mismatch')!;
    assert.deepEqual(v.range, diagnostic.range);
    assert.equal(failed[0].computed, '32.20');
    assert.ok(diagnostic.message.includes(`${failed[0].computed}%`), diagnostic.message);
    // Its average-bounds checks pass: they are listed too.
    assert.ok(v.checks.some((c) => c.ok && c.rule === 'kpi/average-bounds'));
  });

  it('marks Scope 2 596.41 as agreeing: checked against electricity × the quoted grid factor', () => {
    const row = model.kpiGroups.find((g) => g.aspect === 'D')!.rows.find((r) => r.kpiId === 'ghg.scope2')!;
    const v = row.values.find((x) => x.period === '2025')!;
    assert.equal(v.raw, '596.41');
    assert.equal(v.check, 'agrees');
    const activity = v.checks.find((c) => c.rule === 'ghg/activity-mismatch');
    assert.ok(activity, JSON.stringify(v.checks));
    assert.ok(activity.ok);
    assert.equal(activity.computed, '596.41');
    assert.match(activity.formula, /總耗電量 × /);
    assert.equal(v.normalized, 596.41);
    assert.equal(row.normalizedUnit, 'tCO2e');
    assert.deepEqual(v.range.start, locate(text, '596.41', '| [間接溫室氣體排放量（範圍二）]'));
  });

  it('marks the employee total 937 as agreeing, with the breakdown sums that compute it', () => {
    const row = rowByLabel(model, '員工總數');
    assert.equal(row.kpiId, 'employees.total');
    assert.equal(row.name, '員工總數');
    const v = row.values[0];
    assert.equal(v.value, 937);
    assert.equal(v.check, 'agrees');
    const sums = v.checks.filter((c) => c.rule === 'kpi/sum-mismatch');
    assert.ok(sums.length >= 4 && sums.every((c) => c.ok && c.computed === '937'), JSON.stringify(sums));
    assert.ok(sums.some((c) => c.formula === '男性員工 + 女性員工 = 員工總數'));
  });

  it('groups rows by the aspect their KPI discloses, in the order of the Code', () => {
    const aspects = model.kpiGroups.map((g) => g.aspect);
    assert.deepEqual(aspects, ['A2', 'B1', 'B2', 'B3', 'B5', 'B6', 'B7', 'B8', 'D', 'other']);
    const b1 = model.kpiGroups.find((g) => g.aspect === 'B1')!;
    assert.equal(b1.title, '層面 B1：僱傭');
    assert.ok(b1.rows.some((r) => r.kpiId === 'turnover.rate.gender.male' && r.group === '按性別劃分的員工流失比率'));
    // Board figures disclose no HKEX KPI; rows esgmark does not know keep their label as name.
    const other = model.kpiGroups.find((g) => g.aspect === 'other')!;
    assert.equal(other.title, '其他指標');
    assert.ok(other.rows.some((r) => r.kpiId === 'board.directors'));
    const unknown = other.rows.find((r) => r.label === '研發投入')!;
    assert.equal(unknown.kpiId, undefined);
    assert.equal(unknown.name, '研發投入');
    // Normalised from the unit column even without a KPI: 318,040 萬元 is 3,180,400,000 CNY.
    assert.equal(unknown.values[0].normalized, 3_180_400_000);
    assert.equal(unknown.normalizedUnit, 'CNY');
  });

  it('lists every KPI table row except captions, with the cells of each period', () => {
    const expected = analysis.model.kpiTables.flatMap((kt) => kt.rows.filter((r) => !r.isCaption));
    assert.equal(rows(model).length, expected.length);
    assert.ok(
      analysis.model.kpiTables.some((kt) => kt.rows.some((r) => r.isCaption)),
      'the example has caption rows to skip',
    );
    const fatalities = rowByLabel(model, '因工作關係而死亡的員工人數');
    assert.deepEqual(
      fatalities.values.map((v) => v.period),
      ['2025', '2024', '2023'],
    );
  });

  it('normalises intensities to base units: 噸 / 萬元 to t/CNY', () => {
    const row = rowByLabel(model, '總耗水密度');
    assert.equal(row.unit, '噸 / 萬元');
    assert.equal(row.normalizedUnit, 't/CNY');
    assert.ok(Math.abs(row.values[0].normalized! - 0.2766 / 10_000) < 1e-15);
    const rate = rowByLabel(model, '員工總體流失比率');
    assert.equal(rate.normalizedUnit, '1');
    assert.equal(rate.values[0].normalized, 0.2864);
  });

  it('gives GHG by scope and period in tCO2e', () => {
    assert.deepEqual(model.ghg, [{ period: '2025', scope1: 0, scope2: 596.41 }]);
    assert.deepEqual(model.scope3, []);
  });

  it('gives each requirement its status and places', () => {
    const req = (id: string) => model.requirements.find((r) => r.id === id)!;
    const b12 = req('B1.2');
    assert.equal(b12.status, 'disclosed');
    assert.equal(b12.part, 'C');
    assert.equal(b12.aspect, 'B1');
    assert.equal(b12.obligation, 'comply-or-explain');
    assert.ok(b12.places.some((p) => p.label === '保障員工權益'));
    assert.ok(b12.places.some((p) => p.label === '關鍵績效指標：員工總體流失比率'));
    const section = b12.places.find((p) => p.label === '保障員工權益')!;
    assert.equal(section.range.start.line, locate(text, '保障員工權益 {').line);

    const b61 = req('B6.1');
    assert.equal(b61.status, 'explained');
    assert.deepEqual(b61.places, []);
    assert.match(b61.explanation!.text, /並無已售或已運送的實體產品/);

    // The published index maps A1.3 to the chapter 環境管理, which explains it (no hazardous waste): explained, not disclosed.
    const a13 = req('A1.3');
    assert.equal(a13.status, 'explained');
    assert.ok(
      a13.places.some((p) => p.label.includes('環境管理')),
      JSON.stringify(a13.places),
    );
    assert.match(a13.explanation!.text, /有害/);

    assert.equal(req('A1.2').status, 'not-required');
    assert.equal(req('A1.2').obligation, 'deleted');
    assert.equal(req('D36').obligation, 'voluntary');
    // Every leaf and every deleted requirement, once, in catalog order; parents such as D28 are not listed.
    const framework = getFramework()!;
    const expected = framework.all.filter((r) => r.obligation === 'deleted' || !r.children?.length).map((r) => r.id);
    assert.deepEqual(
      model.requirements.map((r) => r.id),
      expected,
    );
    assert.ok(!model.requirements.some((r) => r.id === 'D28'));
  });

  it('counts coverage per part and writes the summary in the report language', () => {
    assert.deepEqual(model.coverage.parts, [
      { part: 'B', addressed: 3, required: 3 },
      { part: 'C', addressed: 45, required: 45 },
      { part: 'D', addressed: 23, required: 23 },
    ]);
    assert.equal(model.coverage.summary, 'B 部分 3/3 · C 部分 45/45 · D 部分 23/23');
    assert.equal(model.checks.disagree, 1);
    assert.equal(model.title, '北京智譜華章科技股份有限公司 2025 年度環境、社會及管治報告');
    assert.equal(model.issuer, '北京智譜華章科技股份有限公司');
    assert.equal(model.locale, 'zh-Hant');
    assert.deepEqual(model.periods, ['2023', '2024', '2025']);
  });

  it('writes the summary in English and Simplified Chinese when asked', () => {
    const en = getReportModel(analyze({ uri: 'file:///z.esg.md', text }, { locale: 'en' }));
    assert.equal(en.coverage.summary, 'Part B 3/3 · Part C 45/45 · Part D 23/23');
    assert.equal(en.kpiGroups.find((g) => g.aspect === 'B1')!.title, 'Aspect B1: Employment');
    assert.equal(rowByLabel(en, '員工總數').name, 'Total number of employees');
    const hans = getReportModel(analyze({ uri: 'file:///z.esg.md', text }, { locale: 'zh-Hans' }));
    assert.equal(hans.coverage.summary, 'B 部分 3/3 · C 部分 45/45 · D 部分 23/23');
  });

  it('is built once per analysis', () => {
    assert.equal(getReportModel(analysis), model);
  });
});

describe('coverage agrees with hkex/missing', () => {
  for (const name of EXAMPLES) {
    it(`${name}: required − missing diagnostics = addressed, per part`, () => {
      const { analysis, model } = analyzeExample(name);
      const framework = getFramework()!;
      const missing = analysis.diagnostics.filter((d) => d.rule === 'hkex/missing').flatMap(missingIds);
      for (const part of model.coverage.parts) {
        const missingHere = missing.filter((id) => framework.get(id)?.part === part.part).length;
        assert.equal(
          part.required - missingHere,
          part.addressed,
          `part ${part.part}: ${JSON.stringify(part)}, missing ${missingHere}`,
        );
      }
      // The ids the rule reports are exactly the ones the model calls missing.
      assert.deepEqual(
        model.requirements
          .filter((r) => r.status === 'missing')
          .map((r) => r.id)
          .sort(),
        [...missing].sort(),
      );
    });
  }

  it('the report without an index has requirements missing', () => {
    const { model } = analyzeExample('zhipu-2025-no-index.esg.md');
    assert.ok(model.requirements.filter((r) => r.status === 'missing').length > 10);
  });
});

describe('requirement statuses on the defects example', () => {
  const { analysis, model } = analyzeExample('zhipu-2025-defects.esg.md');
  const req = (id: string) => model.requirements.find((r) => r.id === id)!;

  it('a deleted requirement claimed by a tag is deleted-claimed, placed where hkex/deleted reports it', () => {
    const a12 = req('A1.2');
    assert.equal(a12.status, 'deleted-claimed');
    const reported = analysis.diagnostics.filter((d) => d.rule === 'hkex/deleted' && d.data?.id === 'A1.2');
    assert.deepEqual(
      a12.places.map((p) => p.range),
      reported.map((d) => d.range),
    );
    assert.equal(a12.places[0].label, '排放物管理');
    assert.equal(req('A4').status, 'not-required');
  });

  it('a requirement neither disclosed nor explained is missing', () => {
    assert.equal(req('B8.1').status, 'missing');
    assert.deepEqual(req('B8.1').places, []);
  });
});

const FRONT = ['---', 'lang: en', 'esg:', '  period: 2025', '  currency: HKD', '---', ''].join('\n');

describe('report model of small reports', () => {
  const text = [
    FRONT,
    '# Emissions {hkex="D28 A1"}',
    '',
    '| Indicator | Unit | 2025 | 2024 |',
    '|---|---|---|---|',
    '| Greenhouse gases | | | |',
    '| Scope 1 GHG emissions | tCO2e | 100.5 | 90 |',
    '| Scope 2 GHG emissions (location-based) | tCO2e | 200 | 210 |',
    '| Scope 2 GHG emissions (market-based) | tCO2e | 150 | 160 |',
    '| Scope 3 Category 6: Business travel | kgCO2e | 12,300 | - |',
    '| Scope 3 Category 7: Employee commuting | tCO2e | 4.2 | 3 |',
    '| Total GHG emissions | tCO2e | 317 | 300 |',
    '| Hazardous waste | t | 1.5 | 1.2 |',
    '| Water intensity | m³/HK$ million | 2.5 | 2.4 |',
    '| Widgets polished | pieces | 12 | 10 |',
    '',
  ].join('\n');
  const analysis = analyze({ uri: 'file:///small.esg.md', text });
  const model = getReportModel(analysis);

  it('puts GHG rows (also the total, which discloses no paragraph) in Part D and leaves captions out', () => {
    const d = model.kpiGroups.find((g) => g.aspect === 'D')!;
    assert.equal(d.title, 'Part D — GHG emissions');
    assert.deepEqual(
      d.rows.map((r) => r.kpiId),
      ['ghg.scope1', 'ghg.scope2.location', 'ghg.scope2.market', 'ghg.scope3.cat6', 'ghg.scope3.cat7', 'ghg.total'],
    );
    assert.ok(!rows(model).some((r) => r.label === 'Greenhouse gases'));
    assert.deepEqual(
      model.kpiGroups.map((g) => g.aspect),
      ['A1', 'A2', 'D', 'other'],
    );
  });

  it('takes location-based Scope 2 when both are given, and sums Scope 3 categories when no total is', () => {
    assert.deepEqual(model.ghg, [
      { period: '2024', scope1: 90, scope2: 210, scope3: 3 },
      { period: '2025', scope1: 100.5, scope2: 200, scope3: 16.5 },
    ]);
  });

  it('gives Scope 3 by category in tCO2e with the catalog names', () => {
    assert.deepEqual(model.scope3, [
      { category: 6, name: 'Business travel', values: { '2025': 12.3 } },
      { category: 7, name: 'Employee commuting', values: { '2024': 3, '2025': 4.2 } },
    ]);
    const zh = getReportModel(analyze({ uri: 'file:///small.esg.md', text }, { locale: 'zh-Hant' }));
    assert.equal(zh.scope3[0].name, '商務差旅');
  });

  it('a failed total disagrees; its inputs are unchecked in that period and agree where the sum passes', () => {
    const total = model.kpiGroups.find((g) => g.aspect === 'D')!.rows.find((r) => r.kpiId === 'ghg.total')!;
    const [t2025, t2024] = total.values;
    assert.equal(t2025.check, 'disagrees');
    assert.deepEqual(
      t2025.checks.map((c) => [c.rule, c.computed, c.ok]),
      [['ghg/sum-mismatch', '301', false]],
    );
    assert.equal(t2024.check, 'agrees');
    const scope1 = model.kpiGroups.find((g) => g.aspect === 'D')!.rows[0];
    assert.deepEqual(
      scope1.values.map((v) => v.check),
      ['unchecked', 'agrees'],
    );
    assert.deepEqual(model.checks, { total: 2, disagree: 1 });
    const reported = analysis.diagnostics.filter((d) => d.rule === 'ghg/sum-mismatch');
    assert.deepEqual(
      reported.map((d) => d.range),
      [t2025.range],
    );
  });

  it('keeps the value statuses of the cells, and normalises with the report currency', () => {
    const cat6 = rowByLabel(model, 'Scope 3 Category 6');
    assert.deepEqual(
      cat6.values.map((v) => [v.status, v.normalized]),
      [
        ['number', 12.3],
        ['none', undefined],
      ],
    );
    assert.equal(cat6.values[1].check, 'unchecked');
    const intensity = rowByLabel(model, 'Water intensity');
    assert.equal(intensity.normalizedUnit, 'm3/HKD');
    const widgets = rowByLabel(model, 'Widgets polished');
    assert.equal(widgets.kpiId, undefined);
    assert.equal(widgets.normalizedUnit, 'count');
    assert.deepEqual(widgets.range.start, locate(text, 'Widgets polished'));
  });

  it('an explained mandatory requirement stays missing, with its reason kept (as hkex/missing says)', () => {
    const explained = [
      FRONT,
      '# Climate',
      '',
      '::: {.explain hkex="D28(a)"}',
      'We have no Scope 1 sources.',
      ':::',
      '',
    ].join('\n');
    const a = analyze({ uri: 'file:///e.esg.md', text: explained });
    const m = getReportModel(a);
    const d28a = m.requirements.find((r) => r.id === 'D28(a)')!;
    assert.equal(d28a.obligation, 'mandatory');
    assert.equal(d28a.status, 'missing');
    assert.equal(d28a.explanation?.text, 'We have no Scope 1 sources.');
    assert.ok(a.diagnostics.some((d) => d.rule === 'hkex/missing' && missingIds(d).includes('D28(a)')));
    assert.equal(m.requirements.find((r) => r.id === 'D28(c)')!.status, 'missing');
  });

  it('an explained comply-or-explain requirement is addressed; a voluntary one with nothing is not required', () => {
    const explained = [
      FRONT,
      '# Products',
      '',
      '::: {.explain hkex="B6.1"}',
      'We sell no physical products.',
      ':::',
      '',
    ].join('\n');
    const m = getReportModel(analyze({ uri: 'file:///e.esg.md', text: explained }));
    assert.equal(m.requirements.find((r) => r.id === 'B6.1')!.status, 'explained');
    assert.equal(m.requirements.find((r) => r.id === 'D36')!.status, 'not-required');
    assert.deepEqual(
      m.coverage.parts.find((p) => p.part === 'C'),
      { part: 'C', addressed: 1, required: 45 },
    );
  });
});

describe('report model never throws', () => {
  const inputs = [
    '',
    '---\n',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '# x {hkex="A1.2 A4 ZZ9"}\n::: {.explain hkex="A1.2"}\n:::',
    '| Indicator | Unit | 2025 |\n|---|---|---|\n| Scope 1 | tCO2e | 1e999 |\n| Scope 2 | kWh/ | -0 |\n| Total GHG emissions | tCO2e | ∞ |',
    '\u0000\uFFFF'.repeat(100),
  ];
  for (const text of inputs) {
    it(`builds a model for ${JSON.stringify(text.slice(0, 30))}`, () => {
      const model = getReportModel(analyze({ uri: 'file:///x.esg.md', text }));
      assert.equal(model.uri, 'file:///x.esg.md');
      assert.ok(Array.isArray(model.kpiGroups) && Array.isArray(model.requirements));
      assert.equal(model.coverage.parts.length, 3);
      JSON.stringify(model);
    });
  }
});

describe('remapReportModel', () => {
  it('moves every place of the model and leaves the original alone', () => {
    const { model } = analyzeExample('zhipu-2025-defects.esg.md');
    const before = JSON.stringify(model);
    const moved = remapReportModel(model, (range) => ({
      uri: 'file:///chapter.esg.md',
      range: {
        start: { line: range.start.line - 1, character: range.start.character },
        end: { line: range.end.line - 1, character: range.end.character },
      },
    }));
    assert.equal(JSON.stringify(model), before);
    const places = [
      ...moved.kpiGroups.flatMap((g) => g.rows.flatMap((r) => [r, ...r.values])),
      ...moved.requirements.flatMap((r) => [...r.places, ...(r.explanation ? [r.explanation] : [])]),
    ];
    assert.ok(places.length > 100);
    assert.ok(places.every((p) => p.uri === 'file:///chapter.esg.md'));
    const row = rowByLabel(model, '員工總數');
    assert.equal(rowByLabel(moved, '員工總數').values[0].range.start.line, row.values[0].range.start.line - 1);
    assert.deepEqual(moved.coverage, model.coverage);
  });
});
