import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byRule, locate, run } from '../util';

test('frontmatter/schema: wrong enum, unknown key and bad quantity point at the exact key or value', () => {
  const text = [
    '---',
    'lang: en',
    'esg:',
    '  issuer-class: mainboard',
    '  colour: blue',
    '  denominators:',
    '    revenue: 72434',
    '    staff: lots of people',
    '  period: {from: 2025-01-01, to: 2025-12-31}',
    '---',
    '',
    '# A',
    '',
  ].join('\n');
  const d = byRule(run(text), 'frontmatter/schema');
  const at = (needle: string) => locate(text, needle);
  const find = (needle: string) =>
    d.find((x) => x.range.start.line === at(needle).line && x.range.start.character === at(needle).character);
  assert.match(find('mainboard')!.message, /issuer-class.*main-board, largecap, gem/);
  assert.match(find('colour')!.message, /Unknown key `esg.colour`/);
  assert.match(find('72434')!.message, /needs a unit/);
  assert.match(find('lots of people')!.message, /not a number/);
  assert.equal(d.length, 4);
  assert.ok(d.every((x) => x.severity === 'error'));
});

test('frontmatter/schema: broken YAML is reported, and a valid front matter gives nothing', () => {
  const broken = '---\nesg:\n  issuer: [unclosed\n---\n# A\n';
  const d = byRule(run(broken), 'frontmatter/schema');
  assert.ok(d.length >= 1);
  assert.ok(d.every((x) => x.range.start.line >= 1 && x.range.start.line <= 3));
  const ok =
    '---\nlang: zh-Hant\nesg:\n  framework: hkex-esg-2025\n  issuer: 智譜\n  period: 2025\n  issuer-class: largecap\n  currency: HKD\n  denominators:\n    revenue: {2024: "65,000 萬元", 2025: "72,434 萬元"}\n  factors:\n    grid: cn-grid-2023\n    custom: 0.5306 kgCO2/kWh\n---\n# A\n';
  const a = run(ok);
  assert.deepEqual(byRule(a, 'frontmatter/schema'), []);
  assert.equal(a.model.config.issuerClass, 'largecap');
  assert.equal(a.model.config.denominators.revenue['2025'].value, 72434);
  assert.equal(a.model.config.factors.grid['*'].catalogId, 'cn-grid-2023');
  assert.equal(a.model.config.factors.custom['*'].quantity?.value, 0.5306);
});

test('locale: esg.locale, then lang, then the script of the headings', () => {
  assert.equal(run('---\nlang: zh-HK\nesg: {}\n---\n# A\n').locale, 'zh-Hant');
  assert.equal(run('---\nlang: zh-CN\nesg: {locale: en}\n---\n# A\n').locale, 'en');
  assert.equal(run('---\nesg: {}\n---\n# 环境管理与数据\n').locale, 'zh-Hans');
  assert.equal(run('---\nesg: {}\n---\n# 環境管理與數據\n').locale, 'zh-Hant');
  assert.equal(run('# Environment\n').locale, 'en');
  assert.equal(run('# 環境\n', { locale: 'en' }).locale, 'en');
});

test('front matter names cannot reach Object.prototype (__proto__, constructor)', () => {
  const text =
    '---\nesg:\n  denominators:\n    __proto__: 1 萬元\n    constructor: 2 萬元\n  factors:\n    __proto__: 0.5 kgCO2/kWh\n---\n# A\n';
  const a = run(text);
  assert.equal(({} as Record<string, unknown>)['*'], undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, '*'), false);
  assert.equal(a.model.config.denominators['constructor']?.['*']?.value, 2);
});
