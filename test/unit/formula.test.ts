import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  evaluateFormula,
  formulaEnvFor,
  formulaIds,
  parseFormula,
  MAX_FORMULA_DEPTH,
  MAX_FORMULA_LENGTH,
  type FormulaEnv,
  type FormulaKpiValue,
  type FormulaNode,
  type FormulaResult,
} from '../../server/src/engine/numbers/formula';
import { parseUnit, type ParsedUnit } from '../../server/src/engine/catalogs/units';
import { parseDocument } from '../../server/src/engine/recognition/document';
import { facts } from '../../server/src/engine/derived';
import { MESSAGES } from '../../server/src/engine/messages';
import {
  fromPrinted,
  inUnit,
  meets,
  printed,
  type Interval,
  type Quantity,
} from '../../server/src/engine/numbers/quantity';
import { REPO_ROOT } from '../helpers/paths';

// ---- helpers ----

function ast(text: string): FormulaNode {
  const r = parseFormula(text);
  assert.deepEqual(r.errors, [], `'${text}' should parse`);
  assert.ok(r.ast);
  return r.ast;
}

function parseError(text: string) {
  const r = parseFormula(text);
  assert.equal(r.ast, undefined, `'${text}' should not parse`);
  assert.equal(r.errors.length, 1);
  return r.errors[0];
}

function unit(raw: string): ParsedUnit {
  const u = parseUnit(raw);
  if (!u.ok) assert.fail(`unit ${raw}`);
  return u.unit;
}

/** The interval of a quantity in a unit, failing when the dimensions differ. */
function valueIn(q: Quantity, raw: string): Interval {
  const v = inUnit(q, unit(raw));
  assert.ok(v, `result is not in ${raw}`);
  return v;
}

function ok(r: FormulaResult): Extract<FormulaResult, { ok: true }> {
  if (!r.ok)
    assert.fail(`evaluation failed: ${r.error.key} ${JSON.stringify(r.error.args)} at ${r.error.start}-${r.error.end}`);
  return r;
}

function failed(r: FormulaResult) {
  if (r.ok) assert.fail('evaluation should fail');
  return r.error;
}

/** An env over plain KPI figures: `{ 'a@2025': ['12.5', 'tCO2e'] }` (unit '' for a figure without unit). */
function envOf(
  figures: Record<string, [string, string]>,
  period = '2025',
  extra: Partial<FormulaEnv> = {},
): FormulaEnv {
  const table = new Map<string, FormulaKpiValue>();
  for (const [key, [value, u]] of Object.entries(figures)) {
    const decimals = value.includes('.') ? value.split('.')[1].length : 0;
    const iv = printed(Number(value), decimals);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    if (!u) table.set(key, { printed: iv, range, label: key });
    else table.set(key, { quantity: fromPrinted(Number(value), decimals, unit(u)), range, label: key });
  }
  return {
    period,
    kpi: (id, p) => table.get(`${id}@${p}`),
    prefix: (prefix, p) =>
      [...table.entries()]
        .filter(([k]) => k.startsWith(`${prefix}.`) && k.endsWith(`@${p}`))
        .map(([k, v]) => ({ ...v, kpiId: k.slice(0, k.indexOf('@')) })),
    denominator: () => undefined,
    factor: () => undefined,
    ...extra,
  };
}

function doc(text: string) {
  return parseDocument('file:///f.esg.md', text);
}

const FRONT = (extra = '') =>
  ['---', 'title: 測試', 'lang: zh-Hant', 'esg:', '  period: 2025', extra, '---', '']
    .filter((l) => l !== '')
    .join('\n') + '\n';

// ---- parsing ----

test('parser: precedence, associativity and offsets of every node', () => {
  const n = ast('ghg.scope1 + ghg.scope2 * 2 - 3');
  assert.equal(n.kind, 'binary');
  if (n.kind !== 'binary') return;
  // (ghg.scope1 + (ghg.scope2 * 2)) - 3
  assert.equal(n.op, '-');
  assert.deepEqual([n.start, n.end, n.opStart], [0, 31, 28]);
  const plus = n.left;
  assert.ok(plus.kind === 'binary' && plus.op === '+');
  assert.deepEqual([plus.start, plus.end, plus.opStart], [0, 27, 11]);
  assert.deepEqual(plus.left, { kind: 'ref', scope: 'kpi', name: 'ghg.scope1', text: 'ghg.scope1', start: 0, end: 10 });
  const times = plus.right;
  assert.ok(times.kind === 'binary' && times.op === '*');
  assert.deepEqual([times.start, times.end, times.opStart], [13, 27, 24]);
  assert.deepEqual(times.right, {
    kind: 'number',
    text: '2',
    value: 2,
    decimals: 0,
    unit: undefined,
    unitText: undefined,
    start: 26,
    end: 27,
  });
});

test('parser: groups, unary minus, calls, prefixes and periods keep exact ranges', () => {
  const n = ast('-(a + b) / sum(ghg.scope3.*@2024, c@FY2023)');
  assert.ok(n.kind === 'binary' && n.op === '/');
  assert.ok(n.left.kind === 'unary' && n.left.op === '-');
  assert.deepEqual([n.left.start, n.left.end], [0, 8]);
  assert.ok(n.left.operand.kind === 'group');
  assert.deepEqual([n.left.operand.start, n.left.operand.end], [1, 8]);
  const call = n.right;
  assert.ok(call.kind === 'call');
  assert.equal(call.name, 'sum');
  assert.deepEqual([call.start, call.nameEnd, call.end], [11, 14, 43]);
  assert.deepEqual(call.args[0], { kind: 'prefix', prefix: 'ghg.scope3', period: '2024', start: 15, end: 32 });
  assert.deepEqual(call.args[1], {
    kind: 'ref',
    scope: 'kpi',
    name: 'c',
    text: 'c',
    period: 'FY2023',
    start: 34,
    end: 42,
  });
});

test('parser: numbers with units, in brackets or not; a slash joins units only without spaces', () => {
  const factor = ast('0.5306 kgCO2/kWh');
  assert.ok(factor.kind === 'number');
  assert.equal(factor.value, 0.5306);
  assert.equal(factor.decimals, 4);
  assert.equal(factor.unit?.dimension, 'co2e/energy');
  assert.deepEqual([factor.start, factor.end], [0, 16]);

  const bracketed = ast('12 [tCO2e/萬元收入]');
  assert.ok(bracketed.kind === 'number');
  assert.equal(bracketed.unit?.denominatorQualifier, 'revenue');
  assert.equal(bracketed.end, 15);

  const spaced = ast('5 [RMB million]');
  assert.ok(spaced.kind === 'number' && spaced.unit?.numerator.id === '百萬元');

  const percent = ast('28.64%');
  assert.ok(percent.kind === 'number' && percent.unit?.numerator.id === '%');

  const grouped = ast('1_124_032 kWh');
  assert.ok(grouped.kind === 'number' && grouped.value === 1124032 && grouped.unit?.numerator.id === 'kWh');

  // 't/employees.total': the word after the slash goes on with '.', so it is a KPI id and '/' divides.
  const divides = ast('100 t/employees.total');
  assert.ok(divides.kind === 'binary' && divides.op === '/');
  assert.ok(
    divides.left.kind === 'number' && divides.left.unit?.numerator.id === 't' && !divides.left.unit.denominator,
  );
  assert.ok(divides.right.kind === 'ref' && divides.right.name === 'employees.total');

  // With spaces around '/', it is always a division (and 'kWh' alone is then an unknown KPI id).
  const spacedSlash = ast('2 kgCO2 / kWh');
  assert.ok(spacedSlash.kind === 'binary' && spacedSlash.right.kind === 'ref');

  // Full-width digits, operators and parentheses as typed with a Chinese IME.
  const wide = ast('（１＋２）×３');
  assert.ok(wide.kind === 'binary' && wide.op === '*');
  assert.deepEqual([wide.start, wide.end], [0, 7]);
});

test('parser: ids with digits, underscores and inner hyphens; denominators and factors', () => {
  const n = ast('employees.age.30_39 + employees.employment-type.full_time');
  assert.ok(n.kind === 'binary' && n.left.kind === 'ref' && n.right.kind === 'ref');
  assert.equal(n.left.name, 'employees.age.30_39');
  assert.equal(n.right.name, 'employees.employment-type.full_time');
  const d = ast('denominators.revenue@2024 * factors.grid');
  assert.ok(d.kind === 'binary' && d.left.kind === 'ref' && d.right.kind === 'ref');
  assert.deepEqual([d.left.scope, d.left.name, d.left.period], ['denominator', 'revenue', '2024']);
  assert.deepEqual([d.right.scope, d.right.name, d.right.text], ['factor', 'grid', 'factors.grid']);
});

test('parser: malformed formulas give one error at the exact column', () => {
  const cases: [string, string, number, number][] = [
    ['1 +', 'formula.unexpectedEnd', 3, 3],
    ['(1', 'formula.unclosedParen', 0, 1],
    ['sum(', 'formula.unexpectedEnd', 4, 4],
    ['sum(a', 'formula.unclosedParen', 3, 4],
    ['a@', 'formula.expectedPeriod', 2, 2],
    ['a@ + 1', 'formula.expectedPeriod', 2, 2],
    ['@2024', 'formula.unexpectedAt', 0, 1],
    ['1 2', 'formula.expectedOperator', 2, 3],
    [')', 'formula.unmatchedParen', 0, 1],
    ['(1))', 'formula.unmatchedParen', 3, 4],
    ['foo(1)', 'formula.unknownFunction', 0, 3],
    ['a + Sumx(b)', 'formula.unknownFunction', 4, 8],
    ['', 'formula.empty', 0, 0],
    ['   ', 'formula.empty', 0, 3],
    ['1,124,032 kWh', 'formula.thousands', 1, 2],
    ['a, b', 'formula.unexpectedComma', 1, 2],
    ['ghg.', 'formula.badId', 3, 4],
    ['5 foo', 'formula.unknownUnit', 2, 5],
    ['12 [kWh', 'formula.unclosedBracket', 3, 4],
    ['12 [kWh/kgg]', 'formula.unknownUnit', 3, 12],
    ['2 ghg.total', 'formula.expectedOperator', 2, 11],
    ['12 RMB million', 'formula.expectedOperator', 7, 14],
    ['change(a)', 'formula.arity', 0, 9],
    ['change(a, b, c)', 'formula.arity', 0, 15],
    ['sum()', 'formula.arity', 0, 5],
    ['ghg.scope3.* + 1', 'formula.prefixOutsideSum', 0, 12],
    ['change(ghg.scope3.*, a)', 'formula.prefixOutsideSum', 7, 19],
    ['denominators + 1', 'formula.expectedName', 0, 12],
    ['1 ; 2', 'formula.unexpectedChar', 2, 3],
    ['a * * b', 'formula.expectedOperand', 4, 5],
    ['1 𝑥', 'formula.unexpectedChar', 2, 4],
  ];
  for (const [text, key, start, end] of cases) {
    const e = parseError(text);
    assert.deepEqual({ text, key: e.key, start: e.start, end: e.end }, { text, key, start, end });
  }
  assert.deepEqual(parseError('foo(1)').args, { name: 'foo', known: 'sum, avg, change' });
  assert.deepEqual(parseError('5 foo').args, { unit: 'foo', part: 'foo' });
});

// ---- hostile input ----

test('hostile formulas are plain errors: no code runs, no prototype is reached', () => {
  const e = parseError('constructor.constructor("x")()');
  assert.deepEqual([e.key, e.start, e.end], ['formula.unknownFunction', 0, 23]);
  assert.equal(parseError('__proto__.constructor("alert(1)")').key, 'formula.unknownFunction');
  assert.equal(parseError('toString()').key, 'formula.unknownFunction');

  const d = doc(
    `${FRONT('  denominators:\n    revenue: {2025: "100 萬元"}')}# A\n\n| 指標 | 單位 | 2025 |\n|---|---|---|\n| [總量]{#ghg.total} | tCO2e | 10 |\n`,
  );
  const env = formulaEnvFor(d, facts(d), '2025');
  for (const id of [
    '__proto__',
    'toString',
    'constructor',
    'constructor.constructor',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    'prototype',
  ]) {
    const err = failed(evaluateFormula(ast(id), env));
    assert.deepEqual([err.key, err.start, err.end, err.args.id], ['formula.unknownId', 0, id.length, id]);
  }
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    assert.equal(failed(evaluateFormula(ast(`denominators.${name}`), env)).key, 'formula.noDenominator');
    assert.equal(failed(evaluateFormula(ast(`factors.${name}`), env)).key, 'formula.noFactor');
    // A period named like a prototype property is just a period without a value.
    assert.equal(failed(evaluateFormula(ast(`denominators.revenue@${name}`), env)).key, 'formula.noDenominator');
    assert.equal(failed(evaluateFormula(ast(`ghg.total@${name}`), env)).key, 'formula.noValue');
  }
  assert.equal(failed(evaluateFormula(ast('sum(__proto__.*)'), env)).key, 'formula.noMatch');
  // The legitimate lookups still work.
  assert.equal(ok(evaluateFormula(ast('ghg.total / denominators.revenue'), env)).value.dim.co2e, 1);
});

test('hostile sizes: deep nesting and huge formulas end quickly with a clear error', () => {
  const started = Date.now();
  const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
  assert.deepEqual(parseError(deep), {
    key: 'formula.tooLong',
    args: { max: MAX_FORMULA_LENGTH, length: 20_001 },
    start: MAX_FORMULA_LENGTH,
    end: 20_001,
  });
  const megabyte = 'a+'.repeat(500_000) + 'a';
  assert.equal(parseError(megabyte).key, 'formula.tooLong');

  // Within the length limit, nesting stops at the depth limit, at the bracket that exceeds it.
  const nested = '('.repeat(900) + '1' + ')'.repeat(900);
  assert.deepEqual(parseError(nested), {
    key: 'formula.tooDeep',
    args: { max: MAX_FORMULA_DEPTH },
    start: MAX_FORMULA_DEPTH,
    end: MAX_FORMULA_DEPTH + 1,
  });
  assert.equal(parseError('-'.repeat(1500) + '1').key, 'formula.tooDeep');
  assert.equal(parseError('sum('.repeat(300) + '1' + ')'.repeat(300)).key, 'formula.tooDeep');
  // Nesting up to the limit is fine.
  const atLimit = '('.repeat(MAX_FORMULA_DEPTH) + '1' + ')'.repeat(MAX_FORMULA_DEPTH);
  assert.equal(ok(evaluateFormula(ast(atLimit), envOf({}))).value.value.lo, 1);

  // A long flat chain is a deep tree: evaluation and formulaIds must cope.
  const chain = Array.from({ length: 500 }, () => 'x').join('+');
  const n = ast(chain);
  assert.equal(formulaIds(n).length, 500);
  const sum = ok(evaluateFormula(n, envOf({ 'x@2025': ['2', 't'] })));
  assert.ok(meets(valueIn(sum.value, 't'), { lo: 1000, hi: 1000 }));
  assert.equal(sum.inputs.length, 500);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});

test('fuzz: random formulas never throw, and every error lies inside the text', () => {
  const alphabet = [
    '1',
    '2.5',
    ' ',
    '+',
    '-',
    '*',
    '/',
    '(',
    ')',
    ',',
    '@',
    '2024',
    'a',
    'ghg.total',
    '.',
    '*',
    'sum',
    'change',
    'avg',
    'kWh',
    '%',
    '[',
    ']',
    't',
    '/萬元',
    '噸',
    '"',
    '__proto__',
    '１',
    '（',
    '，',
  ];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const env = envOf({ 'a@2025': ['3', 't'], 'ghg.total@2025': ['4.0', ''], 'ghg.total@2024': ['5', 'tCO2e'] });
  let parsed = 0;
  for (let i = 0; i < 5000; i++) {
    let text = '';
    const len = 1 + rand(12);
    for (let k = 0; k < len; k++) text += alphabet[rand(alphabet.length)];
    const r = parseFormula(text);
    for (const e of r.errors) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${text}: ${JSON.stringify(e)}`);
      assert.ok(e.key in MESSAGES, `${text}: message ${e.key}`);
    }
    if (!r.ast) continue;
    parsed++;
    const v = evaluateFormula(r.ast, env);
    if (!v.ok) {
      assert.ok(0 <= v.error.start && v.error.end <= text.length, `${text}: ${JSON.stringify(v.error)}`);
      assert.ok(v.error.key in MESSAGES, `${text}: message ${v.error.key}`);
      assert.notEqual(v.error.key, 'formula.internal', text);
    }
  }
  assert.ok(parsed > 100, `only ${parsed} random formulas parsed`);
});

// ---- units ----

test('units are carried through: 1124032 kWh * 0.5306 kgCO2/kWh is 596.41 tCO2e', () => {
  const r = ok(evaluateFormula(ast('1124032 kWh * 0.5306 kgCO2/kWh'), envOf({})));
  assert.deepEqual(r.value.dim, { co2e: 1 });
  const t = valueIn(r.value, 'tCO2e');
  assert.ok(meets(printed(596.41, 2), t));
  assert.ok(!meets(printed(596.42, 2), t));
  assert.ok(!meets(printed(596411.38, 2), t), 'the result is in tonnes, not kilograms');
  assert.ok(meets(printed(596411.38, 2), valueIn(r.value, 'kgCO2e')));
  assert.equal(inUnit(r.value, unit('kWh')), undefined);
});

test('units: conversions within a dimension, percentages, and products of dimensions', () => {
  const env = envOf({});
  assert.ok(meets(valueIn(ok(evaluateFormula(ast('1 t + 500 kg'), env)).value, 't'), { lo: 1.5, hi: 1.5 }));
  assert.ok(meets(valueIn(ok(evaluateFormula(ast('2 MWh - 500 kWh'), env)).value, 'kWh'), { lo: 1500, hi: 1500 }));
  assert.ok(meets(ok(evaluateFormula(ast('28.64% * 100'), env)).value.value, { lo: 28.64, hi: 28.64 }));
  const intensity = ok(evaluateFormula(ast('56711.51 tCO2e / 3029.5 百萬元'), env));
  assert.ok(meets(printed(18.72, 2), valueIn(intensity.value, 'tCO2e/百萬元')));
  assert.ok(meets(printed(0.1872, 4), valueIn(intensity.value, 'tCO2e/萬元')));
  // Dividing a quantity by itself leaves a plain ratio.
  assert.deepEqual(ok(evaluateFormula(ast('2 t / 4 t'), env)).value.dim, {});
});

test('units: adding different dimensions is an error at the operator, naming both', () => {
  const e = failed(evaluateFormula(ast('1 t + 1 kWh'), envOf({})));
  assert.deepEqual(e, { key: 'formula.dimension', args: { op: '+', left: 'mass', right: 'energy' }, start: 4, end: 5 });
  const s = failed(evaluateFormula(ast('sum(1 t, 2 t, 3 kWh)'), envOf({})));
  assert.deepEqual([s.key, s.start, s.end, s.args.right], ['formula.dimension', 14, 19, 'energy']);
  const c = failed(evaluateFormula(ast('change(1 t, 2 kWh)'), envOf({})));
  assert.deepEqual([c.key, c.start, c.end], ['formula.dimension', 0, 6]);
  const z = failed(evaluateFormula(ast('1 t / (2 - 2)'), envOf({})));
  assert.deepEqual([z.key, z.start, z.end], ['formula.divisionByZero', 4, 5]);
});

test('units: a KPI without a known unit only combines with dimensionless operands', () => {
  const env = envOf({ 'n@2025': ['10', ''], 'm@2025': ['5', ''], 'q@2025': ['3', 't'] });
  const r = ok(evaluateFormula(ast('(n + m) * 2'), env));
  assert.equal(r.unitless, true);
  assert.ok(meets(r.value.value, { lo: 30, hi: 30 }));
  assert.equal(ok(evaluateFormula(ast('q * 2'), env)).unitless, false);
  const e = failed(evaluateFormula(ast('q + n'), env));
  assert.deepEqual(e, { key: 'formula.noUnit', args: { id: 'n', other: 'mass' }, start: 4, end: 5 });
  assert.equal(failed(evaluateFormula(ast('n * q'), env)).key, 'formula.noUnit');
  assert.equal(failed(evaluateFormula(ast('sum(q, n)'), env)).key, 'formula.noUnit');
});

// ---- intervals on documents ----

// Seed 002's GHG table (Kingsoft Cloud 2025 ESG report), as published.
const GHG = (
  scope3 = '581,386.59',
) => `${FRONT('  denominators:\n    revenue: {2024: "3,100 百萬元", 2025: "3,029.5 百萬元"}')}# 溫室氣體

| 指標 | 單位 | 2024 | 2025 |
|---|---|---|---|
| [溫室氣體排放總量（範圍 1、2）]{#ghg.scope12} | 噸二氧化碳當量 | 57,695.89 | 56,711.51 |
| [範圍 1 溫室氣體排放量]{#ghg.scope1} | 噸二氧化碳當量 | 57.15 | 89.17 |
| [範圍 2 溫室氣體排放量]{#ghg.scope2} | 噸二氧化碳當量 | 57,638.74 | 56,622.34 |
| [範圍 3 溫室氣體排放量]{#ghg.scope3} | 噸二氧化碳當量 | 187,220.37 | ${scope3} |
| [外購商品及服務]{#ghg.scope3.cat1} | 噸二氧化碳當量 | 41,482.00 | 38,192.07 |
| [資本商品]{#ghg.scope3.cat2} | 噸二氧化碳當量 | 54,008.67 | 75,173.86 |
| [燃料和能源相關活動]{#ghg.scope3.cat3} | 噸二氧化碳當量 | 11,938.76 | 11,869.71 |
| [上遊資產租賃]{#ghg.scope3.cat8} | 噸二氧化碳當量 | 73,870.46 | 448,233.00 |
| [員工差旅]{#ghg.scope3.cat6} | 噸二氧化碳當量 | 1,452.04 | 2,488.41 |
| [員工通勤]{#ghg.scope3.cat7} | 噸二氧化碳當量 | 4,468.44 | 5,429.55 |
| [強度]{#ghg.scope12.intensity} | 噸二氧化碳當量/百萬元 | 18.61 | 18.72 |
`;

/** The reported figure of a KPI as an interval in its own unit, and the formula's value in that unit. */
function compare(text: string, formula: string, kpiId: string, period: string) {
  const d = doc(text);
  const env = formulaEnvFor(d, facts(d), period);
  const r = ok(evaluateFormula(ast(formula), env));
  const target = env.kpi(kpiId, period)!.fact!;
  const computed = inUnit(r.value, target.unit);
  assert.ok(computed, `${formula} is not in ${target.unitRaw}`);
  return { met: meets(printed(target.value, target.decimals), computed), computed, result: r };
}

test('intervals: parts summing to 581,386.60 meet a printed 581,386.59; a real slip does not', () => {
  const c = compare(GHG(), 'sum(ghg.scope3.*)', 'ghg.scope3', '2025');
  assert.equal(c.met, true);
  assert.ok(c.computed.lo < 581386.6 && c.computed.hi > 581386.6);
  assert.deepEqual(c.result.inputs.map((i) => i.text).sort(), [
    'ghg.scope3.cat1',
    'ghg.scope3.cat2',
    'ghg.scope3.cat3',
    'ghg.scope3.cat6',
    'ghg.scope3.cat7',
    'ghg.scope3.cat8',
  ]);
  // Every input points at its cell, for related information.
  const text = GHG();
  const cat8 = c.result.inputs.find((i) => i.text === 'ghg.scope3.cat8')!;
  const line = text.split('\n')[cat8.range!.start.line];
  assert.equal(line.slice(cat8.range!.start.character, cat8.range!.end.character), '448,233.00');
  assert.equal(compare(GHG('581,368.59'), 'sum(ghg.scope3.*)', 'ghg.scope3', '2025').met, false);
  // The same sum written out, and Scope 1 + 2 for the earlier column through a period selector.
  assert.equal(
    compare(
      GHG(),
      'ghg.scope3.cat1 + ghg.scope3.cat2 + ghg.scope3.cat3 + ghg.scope3.cat6 + ghg.scope3.cat7 + ghg.scope3.cat8',
      'ghg.scope3',
      '2025',
    ).met,
    true,
  );
  assert.equal(compare(GHG(), 'ghg.scope1@2024 + ghg.scope2@2024', 'ghg.scope12', '2024').met, true);
});

test('intervals: 18.72 tCO2e per 萬元 where the revenue in 百萬元 makes it per 百萬元 does not meet', () => {
  assert.equal(compare(GHG(), 'ghg.scope12 / denominators.revenue', 'ghg.scope12.intensity', '2025').met, true);
  const wrongUnit = GHG().replace('噸二氧化碳當量/百萬元', '噸二氧化碳當量/萬元');
  assert.equal(compare(wrongUnit, 'ghg.scope12 / denominators.revenue', 'ghg.scope12.intensity', '2025').met, false);
  // The 2024 intensity against the 2024 revenue, selected per period.
  assert.equal(
    compare(GHG(), 'ghg.scope12@2024 / denominators.revenue@2024', 'ghg.scope12.intensity', '2024').met,
    true,
  );
  assert.equal(
    compare(GHG(), 'ghg.scope12@2024 / denominators.revenue@2025', 'ghg.scope12.intensity', '2024').met,
    false,
  );
});

test('periods: the env period is the default; @ selects another; a missing one is named', () => {
  const d = doc(GHG());
  const env = formulaEnvFor(d, facts(d), '2024');
  const r = ok(evaluateFormula(ast('ghg.scope1 + ghg.scope1@2025'), env));
  assert.ok(meets(valueIn(r.value, 'tCO2e'), { lo: 57.15 + 89.17, hi: 57.15 + 89.17 }));
  assert.deepEqual(
    r.inputs.map((i) => [i.text, i.period, i.start, i.end]),
    [
      ['ghg.scope1', '2024', 0, 10],
      ['ghg.scope1', '2025', 13, 28],
    ],
  );
  const e = failed(evaluateFormula(ast('1 t + ghg.scope1@2023'), env));
  assert.deepEqual(e, { key: 'formula.noValue', args: { id: 'ghg.scope1', period: '2023' }, start: 6, end: 21 });
  // A catalog KPI that the report does not state is 'no value'; an id known nowhere is 'unknown'.
  assert.equal(failed(evaluateFormula(ast('energy.total'), env)).key, 'formula.noValue');
  assert.equal(failed(evaluateFormula(ast('ghg.totl'), env)).key, 'formula.unknownId');
  assert.deepEqual(failed(evaluateFormula(ast('ghg.scope12-ghg.scope1'), env)).args, {
    id: 'ghg.scope12-ghg.scope1',
    suggestion: 'ghg.scope12 - ghg.scope1',
  });
  // A KPI id that really has a hyphen is found.
  assert.equal(
    ok(
      evaluateFormula(
        ast('employees.employment-type.full_time * 2'),
        envOf({ 'employees.employment-type.full_time@2025': ['7', '人'] }),
      ),
    ).value.dim.count,
    1,
  );
  assert.deepEqual(failed(evaluateFormula(ast('sum(energy.*)'), env)), {
    key: 'formula.noMatch',
    args: { prefix: 'energy', period: '2024' },
    start: 4,
    end: 12,
  });
});

test('change(a, b) is (b - a) / a as a ratio, compared with a printed percentage', () => {
  const text = `${FRONT()}# A\n\n| 指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n| [總量]{#ghg.total} | tCO2e | 10,000 | 10,840 |\n`;
  const d = doc(text);
  const env = formulaEnvFor(d, facts(d), '2025');
  const r = ok(evaluateFormula(ast('change(ghg.total@2024, ghg.total@2025)'), env));
  assert.deepEqual(r.value.dim, {});
  const pct = valueIn(r.value, '%');
  assert.ok(meets(printed(8.4, 1), pct));
  assert.ok(!meets(printed(8.3, 1), pct));
  assert.ok(!meets(printed(8.4, 1), r.value.value), 'a ratio, not percentage points');
  // 10,000 printed stands for [9,999.5, 10,000.5]: the interval is honest but tight.
  assert.ok(pct.hi - pct.lo < 0.03 && pct.hi - pct.lo > 0.01);
  assert.equal(r.inputs.length, 2);
  // A fall, and avg.
  const fall = ok(evaluateFormula(ast('change(ghg.total@2025, ghg.total@2024)'), env));
  assert.ok(meets(printed(-7.7, 1), valueIn(fall.value, '%')));
  const avg = ok(evaluateFormula(ast('avg(ghg.total@2024, ghg.total@2025)'), env));
  assert.ok(meets(printed(10420, 0), valueIn(avg.value, 'tCO2e')));
  assert.ok(!meets(printed(10422, 0), valueIn(avg.value, 'tCO2e')));
});

test('formulaEnvFor: factors as quantities or through the catalog hook, per period', () => {
  const fm = FRONT('  factors:\n    grid: {2024: cn-grid-2022, 2025: "0.5306 kgCO2/kWh"}\n    fixed: cn-grid-2023');
  const text = `${fm}# A\n\n| 指標 | 單位 | 2024 | 2025 |\n|---|---|---|---|\n| [外購電力]{#energy.electricity.purchased} | kWh | 1,000,000 | 1,124,032 |\n`;
  const d = doc(text);
  const without = formulaEnvFor(d, facts(d), '2025');
  const r = ok(evaluateFormula(ast('energy.electricity.purchased * factors.grid'), without));
  assert.ok(meets(printed(596.41, 2), valueIn(r.value, 'tCO2e')));
  assert.deepEqual(
    r.inputs.map((i) => [i.kind, i.text, i.period]),
    [
      ['kpi', 'energy.electricity.purchased', '2025'],
      ['factor', 'factors.grid', '2025'],
    ],
  );
  // A catalog id without a resolver is 'not given'.
  assert.deepEqual(
    failed(evaluateFormula(ast('energy.electricity.purchased@2024 * factors.grid@2024'), without)).key,
    'formula.noFactor',
  );
  const resolved: string[] = [];
  const withCatalog = formulaEnvFor(d, facts(d), '2024', {
    resolveFactorId: (id) => {
      resolved.push(id);
      return id === 'cn-grid-2022' ? ok(evaluateFormula(ast('0.5366 kgCO2/kWh'), envOf({}))).value : undefined;
    },
  });
  const r2024 = ok(evaluateFormula(ast('energy.electricity.purchased * factors.grid'), withCatalog));
  assert.ok(meets(printed(536.6, 1), valueIn(r2024.value, 'tCO2e')));
  assert.equal(failed(evaluateFormula(ast('factors.fixed'), withCatalog)).key, 'formula.noFactor');
  assert.deepEqual(resolved, ['cn-grid-2022', 'cn-grid-2023']);
});

test('formulaIds lists references in text order with periods and offsets', () => {
  assert.deepEqual(
    formulaIds(ast('sum(ghg.scope3.*@2024) / (denominators.revenue - -ghg.scope1) + 3 t * factors.grid@2023')),
    [
      { id: 'ghg.scope3', scope: 'prefix', period: '2024', start: 4, end: 21 },
      { id: 'denominators.revenue', scope: 'denominator', start: 26, end: 46 },
      { id: 'ghg.scope1', scope: 'kpi', start: 50, end: 60 },
      { id: 'factors.grid', scope: 'factor', period: '2023', start: 70, end: 87 },
    ],
  );
  assert.deepEqual(formulaIds(undefined), []);
});

test('every formula.* message key used by the formula modules exists in all three languages', () => {
  const dir = path.join(REPO_ROOT, 'server', 'src', 'engine', 'numbers', 'formula');
  const used = new Set<string>();
  for (const file of readdirSync(dir)) {
    for (const m of readFileSync(path.join(dir, file), 'utf8').matchAll(/'(formula\.[A-Za-z]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size >= 25, `found ${used.size} keys`);
  const table = MESSAGES as unknown as Record<string, Record<string, string>>;
  for (const key of used) {
    assert.ok(key in table, `missing message ${key}`);
    for (const locale of ['en', 'zh-Hant', 'zh-Hans']) assert.ok(table[key][locale], `${key} has no ${locale} text`);
  }
});

// ---- the examples of docs/formulas.md are true ----

/** Published China grid factors (MEE): the catalog's job, here only to feed the resolver hook. */
const GRID: Record<string, string> = { 'cn-grid-2022': '0.5366 kgCO2/kWh', 'cn-grid-2023': '0.5306 kgCO2/kWh' };

test('docs/formulas.md §8: every formula and check in the examples parses and agrees with its figures', () => {
  const md = readFileSync(path.join(REPO_ROOT, 'docs', 'formulas.md'), 'utf8');
  const examples = md.slice(md.indexOf('## 8. Examples'), md.indexOf('## 9.'));
  const blocks = [...examples.matchAll(/```markdown\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2);
  const front = blocks[0].slice(0, blocks[0].indexOf('---', 4) + 4);
  const resolveFactorId = (id: string) =>
    Object.hasOwn(GRID, id) ? ok(evaluateFormula(ast(GRID[id]), envOf({}))).value : undefined;
  let checked = 0;
  for (const text of [blocks[0], `${front}\n${blocks[1]}`]) {
    const d = doc(text);
    for (const row of d.kpiTables.flatMap((t) => t.rows)) {
      if (!row.formula) continue;
      const tree = ast(row.formula.text);
      for (const v of row.values) {
        const target = formulaEnvFor(d, facts(d), v.period).kpi(row.kpiId!, v.period)!.fact!;
        const r = ok(evaluateFormula(tree, formulaEnvFor(d, facts(d), v.period, { resolveFactorId })));
        const computed = inUnit(r.value, target.unit);
        assert.ok(
          computed && meets(printed(target.value, target.decimals), computed),
          `${row.formula.text} (${v.period}) = ${JSON.stringify(computed)}, printed ${v.raw}`,
        );
        checked++;
      }
    }
    for (const span of d.spans) {
      const check = span.attrs.pairs.find((p) => p.key === 'check');
      if (!check) continue;
      const m = /^([0-9.,]+)\s*(.*)$/.exec(span.text)!;
      const value = Number(m[1].replace(/,/g, ''));
      const decimals = m[1].split('.')[1]?.length ?? 0;
      const r = ok(
        evaluateFormula(ast(check.value), formulaEnvFor(d, facts(d), String(d.config.year), { resolveFactorId })),
      );
      const computed = inUnit(r.value, unit(m[2]));
      assert.ok(
        computed && meets(printed(value, decimals), computed),
        `${check.value} = ${JSON.stringify(computed)}, printed ${span.text}`,
      );
      checked++;
    }
  }
  // Chinese: 3 row formulas x 2 periods + 2 checks; English: 2 row formulas x 2 periods + 3 checks.
  assert.equal(checked, 3 * 2 + 2 + (2 * 2 + 3));
});
