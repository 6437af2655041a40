import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import data from '../../server/src/engine/catalogs/data/hkex-esg-2025.json';
import { frameworkSchema } from '../../server/src/engine/catalogs/schema';
import { DEFAULT_FRAMEWORK, getFramework, type FrameworkIndex } from '../../server/src/engine/catalogs/hkex';
import { REPO_ROOT } from '../helpers/paths';

function index(): FrameworkIndex {
  const fw = getFramework();
  assert.ok(fw, 'default framework must load');
  return fw;
}

test('catalog matches frameworkSchema', () => {
  const result = frameworkSchema.safeParse(data);
  assert.equal(result.success, true, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 5)));
});

test('the committed JSON is what the generator makes from data/reference, and every quoted text is on its seed line', () => {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'gen-hkex-catalog.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /up to date/);
  // The generator compares each zh-Hant text with the line of test/fixtures/seed-reports it cites.
  assert.equal(run.stderr, '', 'no seed check warning');
});

test('counts and deleted ids match the reference (76 entries: 3 B, 48 C, 25 D)', () => {
  const { all } = index();
  assert.equal(all.length, 76);
  const byPart = (p: string) => all.filter((r) => r.part === p).length;
  assert.deepEqual([byPart('B'), byPart('C'), byPart('D')], [3, 48, 25]);
  const byKind = (k: string) => all.filter((r) => r.kind === k).length;
  assert.deepEqual(
    [byKind('mandatory'), byKind('general-disclosure'), byKind('kpi'), byKind('climate')],
    [3, 12, 36, 25],
  );
  const deleted = all.filter((r) => r.obligation === 'deleted').map((r) => r.id);
  assert.deepEqual(deleted, ['A1.2', 'A4', 'A4.1']);
  for (const r of all) assert.equal(r.deletedFrom !== undefined, r.obligation === 'deleted', r.id);
  assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'ids are unique');
  assert.deepEqual(index().get('D28')?.children, ['D28(a)', 'D28(b)', 'D28(c)']);
  for (const c of ['D28(a)', 'D28(b)', 'D28(c)']) assert.equal(index().get(c)?.parent, 'D28');
  const partD = all.filter((r) => r.part === 'D' && !r.parent).map((r) => r.paragraph);
  assert.deepEqual(
    partD,
    Array.from({ length: 22 }, (_, i) => 19 + i),
  );
});

test('aspects: Part C ids, Part D pillars, Part B ids', () => {
  const fw = index();
  assert.equal(fw.get('A1.1')?.aspect, 'A1');
  assert.equal(fw.get('A4.1')?.aspect, 'A4');
  assert.equal(fw.get('D19')?.aspect, 'governance');
  assert.equal(fw.get('D27')?.aspect, 'risk-management');
  assert.equal(fw.get('D28(b)')?.aspect, 'metrics-and-targets');
  assert.equal(fw.get('MDR-boundary')?.aspect, 'MDR-boundary');
  const ids = fw.aspects().map((a) => a.id);
  assert.deepEqual(ids, [
    'MDR-governance',
    'MDR-principles',
    'MDR-boundary',
    'A1',
    'A2',
    'A3',
    'B1',
    'B2',
    'B3',
    'B4',
    'B5',
    'B6',
    'B7',
    'B8',
    'governance',
    'strategy',
    'risk-management',
    'metrics-and-targets',
  ]);
  assert.equal(fw.aspects().find((a) => a.id === 'B2')?.title['zh-Hant'], '層面 B2：健康與安全');
});

test('texts: zh-Hant non-empty, zh-Hans free of Traditional-only characters, titles one line', () => {
  const traditionalOnly =
    /[與發關層會這數說國們來時對實現點問題動體應當種從經過學還區產業處據無個須為說類環衛達務劃僱]/u;
  for (const r of index().all) {
    for (const loc of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      assert.ok(r.text[loc].trim().length > 0, `${r.id} text ${loc}`);
      assert.ok(r.title[loc].trim().length > 0, `${r.id} title ${loc}`);
      assert.ok(!r.title[loc].includes('\n') && r.title[loc].length <= 90, `${r.id} title ${loc} is one short line`);
    }
    for (const s of [r.text['zh-Hans'], r.title['zh-Hans'], r.aspectTitle['zh-Hans']]) {
      const m = traditionalOnly.exec(s);
      assert.equal(m, null, `${r.id}: Traditional character '${m?.[0]}' in zh-Hans: ${s}`);
    }
    assert.ok(r.sources.length > 0, r.id);
  }
  // Real conversions, not copies.
  assert.equal(index().get('A1.1')?.text['zh-Hans'], '排放物种类及相关排放数据。');
  assert.equal(index().get('D28(a)')?.text['zh-Hant'], '範圍 1 溫室氣體排放');
  // Line breaks of the multi-part paragraphs are kept.
  assert.equal(index().get('D28')?.text['zh-Hant'].split('\n').length, 4);
  assert.equal(index().get('D28')?.text['zh-Hans'].split('\n').length, 4);
});

test('normalizeId', () => {
  const fw = index();
  const cases: [string, string | undefined][] = [
    ['A1.1', 'A1.1'],
    ['a1.1', 'A1.1'],
    ['Ａ１．１', 'A1.1'],
    ['KPI A1.1', 'A1.1'],
    ['kpi a2.5', 'A2.5'],
    ['關鍵績效指標 A1.1', 'A1.1'],
    ['关键绩效指标B8.2', 'B8.2'],
    ['層面 A1', 'A1'],
    ['层面Ｂ２', 'B2'],
    ['一般披露 B7', 'B7'],
    ['B1 ', 'B1'],
    ['A1.2', 'A1.2'],
    ['D19', 'D19'],
    ['d40', 'D40'],
    ['D28', 'D28'],
    ['D28a', 'D28(a)'],
    ['D28 (a)', 'D28(a)'],
    ['D 28(a)', 'D28(a)'],
    ['Ｄ２８（ｃ）', 'D28(c)'],
    ['D28(B)', 'D28(b)'],
    ['MDR-Boundary', 'MDR-boundary'],
    ['mdr governance', 'MDR-governance'],
    ['MDR-principles', 'MDR-principles'],
    ['28(a)', undefined],
    ['第 28 段', undefined],
    ['D28(d)', undefined],
    ['D18', undefined],
    ['D41', undefined],
    ['MDR-balance', undefined],
    ['A99.9', undefined],
    ['A1.7', undefined],
    ['B9', undefined],
    ['C1', undefined],
    ['Ａ', undefined],
    ['', undefined],
    ['   ', undefined],
    ['{{', undefined],
    ['A1.1 排放物種類', undefined],
    ['x'.repeat(10000), undefined],
  ];
  for (const [raw, want] of cases) assert.equal(fw.normalizeId(raw), want, JSON.stringify(raw.slice(0, 30)));
  // Never throws, whatever arrives at run time.
  for (const bad of [undefined, null, 42, {}, [], '\u0000', '\uD800', 'D'.repeat(5000)]) {
    assert.equal(fw.normalizeId(bad as unknown as string), undefined);
  }
});

test('expandRange', () => {
  const fw = index();
  assert.deepEqual(fw.expandRange('A2.1', 'A2.5'), ['A2.1', 'A2.2', 'A2.3', 'A2.4', 'A2.5']);
  assert.deepEqual(fw.expandRange('KPI A1.1', 'A1.4'), ['A1.1', 'A1.3', 'A1.4'], 'deleted A1.2 skipped');
  assert.deepEqual(fw.expandRange('D19', 'D27'), ['D19', 'D20', 'D21', 'D22', 'D23', 'D24', 'D25', 'D26', 'D27']);
  assert.deepEqual(fw.expandRange('D27', 'D29'), ['D27', 'D28', 'D28(a)', 'D28(b)', 'D28(c)', 'D29']);
  assert.deepEqual(fw.expandRange('D28a', 'D28c'), ['D28(a)', 'D28(b)', 'D28(c)']);
  assert.deepEqual(fw.expandRange('B1', 'B3'), ['B1', 'B2', 'B3']);
  assert.deepEqual(fw.expandRange('MDR-governance', 'MDR-boundary'), [
    'MDR-governance',
    'MDR-principles',
    'MDR-boundary',
  ]);
  assert.deepEqual(fw.expandRange('B6.5', 'B6.5'), ['B6.5']);
  assert.equal(fw.expandRange('A2.5', 'A2.1'), undefined, 'reversed');
  assert.equal(fw.expandRange('A1.1', 'A2.2'), undefined, 'different aspects');
  assert.equal(fw.expandRange('B1', 'B1.2'), undefined, 'different kinds');
  assert.equal(fw.expandRange('A3', 'B1'), undefined, 'different subject areas');
  assert.equal(fw.expandRange('B8.2', 'D19'), undefined, 'different parts');
  assert.equal(fw.expandRange('A2.1', 'A2.9'), undefined, 'unknown end');
  assert.equal(fw.expandRange('', '{{'), undefined);
});

test('obligationFor', () => {
  const fw = index();
  assert.equal(fw.obligationFor('D28(a)', 'gem', 2025), 'mandatory');
  assert.equal(fw.obligationFor('D28(b)', 'main-board', 2025), 'mandatory');
  assert.equal(fw.obligationFor('D19', 'main-board', 2025), 'comply-or-explain');
  assert.equal(fw.obligationFor('D19', 'largecap', 2025), 'comply-or-explain');
  assert.equal(fw.obligationFor('D19', 'largecap', 2026), 'mandatory');
  assert.equal(fw.obligationFor('D19', 'largecap', 2030), 'mandatory');
  assert.equal(fw.obligationFor('D19', 'gem', 2025), 'voluntary');
  assert.equal(fw.obligationFor('D28(c)', 'main-board', 2026), 'comply-or-explain');
  assert.equal(fw.obligationFor('D28(c)', 'largecap', 2026), 'mandatory');
  assert.equal(fw.obligationFor('D28(c)', 'gem', 2026), 'voluntary');
  assert.equal(fw.obligationFor('D36', 'largecap', 2026), 'voluntary');
  assert.equal(fw.obligationFor('D19', 'main-board', 2024), 'voluntary', 'Part D not in force before FY2025');
  assert.equal(fw.obligationFor('A1.2', 'main-board', 2025), 'deleted');
  assert.equal(fw.obligationFor('A4', 'largecap', 2026), 'deleted');
  assert.equal(fw.obligationFor('A1.1', 'main-board', 2025), 'comply-or-explain');
  assert.equal(fw.obligationFor('A1.1', 'gem', 2025), 'comply-or-explain');
  assert.equal(fw.obligationFor('MDR-boundary', 'gem', 2025), 'mandatory');
  assert.equal(fw.obligationFor('KPI B1.1', 'main-board', 2025), 'comply-or-explain', 'ids are normalised');
  assert.equal(fw.obligationFor('nonsense', 'main-board', 2025), 'voluntary');
});

test('leaves and covers', () => {
  const fw = index();
  const leaves = fw.leaves().map((r) => r.id);
  assert.equal(leaves.length, 76 - 1 - 3);
  for (const gone of ['D28', 'A1.2', 'A4', 'A4.1']) assert.ok(!leaves.includes(gone), gone);
  for (const kept of ['D28(a)', 'D28(b)', 'D28(c)', 'MDR-governance', 'A1', 'B8.2', 'D40'])
    assert.ok(leaves.includes(kept), kept);
  leaves.pop();
  assert.equal(fw.leaves().length, 72, 'leaves() returns a fresh array');
  assert.deepEqual(fw.covers('D28'), ['D28', 'D28(a)', 'D28(b)', 'D28(c)']);
  assert.deepEqual(fw.covers('A1.1'), ['A1.1']);
  assert.deepEqual(fw.covers('x'), []);
});

test('matchRowText on real index rows', () => {
  const fw = index();
  const rows: [string, string | undefined][] = [
    // seed 002_74cda00bde6eff01.txt lines 2240, 2242, 2244 (Part B row names)
    ['管治架構', 'MDR-governance'],
    ['匯報原則', 'MDR-principles'],
    ['匯報範圍', 'MDR-boundary'],
    ['管治架构', 'MDR-governance'],
    ['汇报范围', 'MDR-boundary'],
    ['Reporting boundary', 'MDR-boundary'],
    // seed 002 line 2241 (Part B text cell)
    [
      '<p>由董事會發出的聲明，當中載有下列內容：</p> <p>(i) 披露董事會對環境、社會及管治事宜的監管；</p> <p>(ii) 董事會的環境、社會及管治管理方針及策略，包括評估、優次排列及管理重要的環境、社會及管治相關事宜（包括對發行人業務的風險）的過程；及</p> <p>(iii) 董事會如何按環境、社會及管治相關目標檢討進度，並解釋它們如何與發行人業務有關連。</p>',
      'MDR-governance',
    ],
    // seed 002 line 2323, 2328, 2337, 2346 (Part D cells: heading, then paragraph number)
    [
      '<p>管治</p> <p>19. 發行人須披露有關以下方面的資料：</p> <p>a. 負責監督氣候風險及機遇的治理機構（可包括董事會、委員會或其他等同治理機構）或個人的資訊；</p> <p>b. 管理層在用以監察、管理及監督氣候相關風險和機遇的管治流程、監控措施及程序中的角色。</p>',
      'D19',
    ],
    [
      '<p>財務狀況、財務表現及現金流量</p> <p>當前財務影響</p> <p>24. 發行人須披露以下定性和量化資料：</p> <p>a. 氣候相關風險和機遇如何影響發行人在匯報期的財務狀況、財務表現及現金流量；及</p> <p>b. 當存在將導致下一匯報年度相關財務報表中的資產和負債賬面價值發生重要調整的重大風險時，關於第 24(a) 段中識別的氣候相關風險和機遇的資訊。</p>',
      'D24',
    ],
    [
      '溫室氣體排放 29. 發行人須： a. 除非管轄機關或發行人上市之另一交易所另有要求，否則發行人須根據《溫室氣體核算體系：企業核算與報告標準（2004年）》計量其溫室氣體排放； b. 披露其用於計量溫室氣體排放的方法；',
      'D29',
    ],
    [
      '36. 本交易所鼓勵發行人披露與一項或多項特定的業務模式和活動有關的行業指標，或與參與有關行業常見特徵有關的行業指標。',
      'D36',
    ],
    ['28．發行人須披露匯報期內的溫室氣體絕對總排放量', 'D28'],
    // seed 000_60a5996da05be3d1.txt line 1102 and 1134 ('一般披露' rows: text only)
    [
      '有關廢氣、向水及土地的排污、有害及無害廢棄物的產生等的： (a) 政策；及 (b) 遵守對發行人有重大影響的相關法律及規例的資料。',
      'A1',
    ],
    [
      '有關提升僱員履行工作職責的知識及技能的政策。描述培訓活動。 注：培訓指職業培訓，可包括由僱主付費的內外部課程。',
      'B3',
    ],
    // seed 000 line 1101: aspect heading row
    ['層面 A1 排放物', 'A1'],
    // Simplified Chinese and English wordings of the same texts
    ['有关提升雇员履行工作职责的知识及技能的政策。', 'B3'],
    ['Lost days due to work injury.', 'B2.2'],
    ['範圍 1 溫室氣體排放', 'D28(a)'],
    // Too short or shared by several requirements
    ['管治', undefined],
    ['描述所訂立的', undefined],
    ['[ 於 2025 年 1 月 1 日刪除 ]', undefined],
    ['28(a)', undefined],
    ['', undefined],
    ['<p></p>', undefined],
    ['{{', undefined],
  ];
  for (const [text, want] of rows) assert.equal(fw.matchRowText(text), want, text.slice(0, 40));
  for (const bad of [undefined, null, 7, '\uD800'.repeat(3), '<'.repeat(100000)]) {
    assert.equal(fw.matchRowText(bad as unknown as string), undefined);
  }
});

test('getFramework', () => {
  assert.equal(DEFAULT_FRAMEWORK, 'hkex-esg-2025');
  assert.equal(getFramework(), getFramework('hkex-esg-2025'), 'built once');
  assert.equal(getFramework('gri-2021'), undefined);
  assert.equal(index().framework.id, 'hkex-esg-2025');
  assert.equal(index().get('nope'), undefined);
});
