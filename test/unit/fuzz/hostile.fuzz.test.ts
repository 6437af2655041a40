// Properties 4 and 5: hostile formulas and front-matter names. Formula evaluation has no path to code
// execution (a global canary stays untouched, Object.prototype keeps its properties), errors are clean
// diagnostics; names such as __proto__ under denominators/factors/period pollute nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/engine';
import { evaluateFormula, formulaEnvFor, parseFormula } from '../../../server/src/engine/numbers/formula';
import { parseDocument } from '../../../server/src/engine/recognition/document';
import { facts } from '../../../server/src/engine/derived';
import { assertWellFormed, params } from './support';

const URI = 'file:///hostile.esg.md';
const CANARY = '__esgmarkCanary';

/** Formulas an attacker (or a confused author) might write. */
const HOSTILE = [
  "constructor.constructor('return process')()",
  'constructor.constructor("globalThis.__esgmarkCanary = 1")()',
  'this.constructor.constructor("return this")().process.exit(1)',
  '__proto__',
  '__proto__.polluted',
  'ghg.__proto__',
  'ghg.total.__proto__.polluted',
  'toString',
  'toString()',
  'valueOf',
  'valueOf()',
  'prototype',
  'constructor',
  'hasOwnProperty',
  'denominators.__proto__',
  'denominators.constructor',
  'denominators.toString',
  'factors.__proto__',
  'factors.prototype',
  'sum(__proto__.*)',
  'sum(constructor.*)',
  'avg(toString.*@2024)',
  'change(__proto__@2024, constructor@2025)',
  'ghg.total@__proto__',
  'ghg.total@constructor',
  'sum(ghg.scope3.*)@__proto__',
  'eval("1")',
  'Function("return 1")()',
  'require("child_process")',
  'import("fs")',
  '`${process.exit()}`',
  'a["constructor"]',
  '1; globalThis.__esgmarkCanary = 1',
  '(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1',
  '('.repeat(5000) + '1' + ')'.repeat(5000),
  '-'.repeat(10_000) + '1',
  Array.from({ length: 2000 }, () => 'ghg.total').join(' + '),
  `sum(${Array.from({ length: 3000 }, (_, i) => `x${i}`).join(', ')})`,
  '1'.repeat(400),
  '1/0',
  '0/0',
  '1e308 * 1e308',
];

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function assertNoSideEffects() {
  assert.equal((globalThis as Record<string, unknown>)[CANARY], undefined, 'canary untouched');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype not polluted');
  assert.deepEqual(
    Object.getOwnPropertyNames(Object.prototype).sort(),
    PROTO_NAMES,
    'Object.prototype keeps its properties',
  );
  assert.equal(typeof Object.prototype.toString, 'function');
  assert.equal(typeof Object.prototype.hasOwnProperty, 'function');
}

/** A report with a KPI table that carries the formula, a prose check with it, and prototype-named denominators. */
function reportWith(formula: string): string {
  const quoted = formula.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [
    '---',
    'esg:',
    '  period: 2025',
    '  denominators:',
    '    revenue: 100 萬元',
    '---',
    '# 排放 {hkex="A1.1"}',
    '',
    '| 指標 | 單位 | 2024 | 2025 |',
    '|---|---|---|---|',
    `| [總排放]{#ghg.total formula="${quoted}"} | 噸二氧化碳當量 | 30 | 31 |`,
    '| [範圍一]{#ghg.scope1} | 噸二氧化碳當量 | 10 | 11 |',
    '',
    `排放為 [31 噸二氧化碳當量]{check="${quoted}"}。`,
    '',
  ].join('\n');
}

test('hostile formulas: no code execution, no pollution, clean errors (fixed list)', () => {
  for (const formula of HOSTILE) {
    const parsed = parseFormula(formula);
    // Either an AST or errors with a message key and offsets inside the formula.
    for (const e of parsed.errors) {
      assert.equal(typeof e.key, 'string');
      assert.ok(
        e.start >= 0 && e.start <= e.end && e.end <= formula.length,
        `error offsets of ${formula.slice(0, 40)}`,
      );
    }
    const doc = parseDocument(URI, reportWith(formula));
    if (parsed.ast) {
      const result = evaluateFormula(parsed.ast, formulaEnvFor(doc, facts(doc), '2025'));
      if (!result.ok) assert.equal(typeof result.error.key, 'string');
    }
    const text = reportWith(formula);
    const errors: string[] = [];
    const a = analyze({ uri: URI, text }, { onRuleError: (rule, e) => errors.push(`${rule}: ${e}`) });
    assert.deepEqual(errors, [], formula.slice(0, 60));
    assertWellFormed(text, a);
    assertNoSideEffects();
  }
});

const segment = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'ghg',
  'total',
  'scope1',
  'denominators',
  'factors',
  'revenue',
  '*',
);
const hostileFormula = fc
  .array(
    fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('.')),
      fc.constantFrom(
        '(',
        ')',
        '+',
        '-',
        '*',
        '/',
        ',',
        '@2024',
        '@__proto__',
        'sum(',
        'avg(',
        'change(',
        '"',
        "'",
        '`',
        '[',
        ']',
        '()',
        '1',
        '0',
        '１２',
        '＋',
        '（',
      ),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((parts) => parts.join(' '));

test('hostile formulas: random combinations of prototype names and operators — 300 runs', () => {
  fc.assert(
    fc.property(hostileFormula, (formula) => {
      const text = reportWith(formula);
      const a = analyze({ uri: URI, text });
      assertWellFormed(text, a);
      assertNoSideEffects();
    }),
    params(300),
  );
});

const protoName = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'revenue',
);
const protoValue = fc.constantFrom(
  '1 萬元',
  '2 人',
  'cn-grid-2023',
  '0.5 kgCO2/kWh',
  '{}',
  '[]',
  'null',
  '{polluted: 1}',
  '{__proto__: {polluted: 1}}',
  '{2024: 1 萬元, __proto__: 2 萬元}',
);

test('front matter names __proto__ / constructor / prototype under denominators, factors and period — 200 runs', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('denominators', 'factors', 'period'), protoName, protoValue), {
        minLength: 1,
        maxLength: 6,
      }),
      (entries) => {
        const lines = ['---', 'esg:'];
        const byGroup = new Map<string, string[]>();
        for (const [group, name, value] of entries)
          byGroup.set(group, [...(byGroup.get(group) ?? []), `    ${name}: ${value}`]);
        for (const [group, items] of byGroup) lines.push(`  ${group}:`, ...items);
        lines.push(
          '---',
          '# 排放 {hkex="A1.1"}',
          '',
          `[1 萬元]{check="denominators.__proto__ + denominators.constructor + factors.prototype"}`,
          '',
        );
        const text = lines.join('\n');
        const errors: string[] = [];
        const a = analyze({ uri: URI, text }, { onRuleError: (rule, e) => errors.push(`${rule}: ${e}`) });
        assert.deepEqual(errors, []);
        assertWellFormed(text, a);
        assertNoSideEffects();
        // The maps keyed by report names never hand back an Object.prototype member.
        for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
          const d = (a.model.config.denominators as Record<string, unknown>)[name];
          const f = (a.model.config.factors as Record<string, unknown>)[name];
          assert.ok(
            d === undefined || Object.getPrototypeOf(d) === null,
            `denominators.${name} is a report value, not inherited`,
          );
          assert.ok(
            f === undefined || Object.getPrototypeOf(f) === null,
            `factors.${name} is a report value, not inherited`,
          );
        }
      },
    ),
    params(200),
  );
});

test('a formula naming prototype members is an unknown name, not a value', () => {
  const text = [
    '---',
    'esg:',
    '  period: 2025',
    '  denominators:',
    '    __proto__: 5 萬元',
    '    constructor: 7 萬元',
    '---',
    '# 排放 {hkex="A1.1"}',
    '',
    '總收入 [12 萬元]{check="denominators.constructor + denominators.__proto__"}，[3 萬元]{check="denominators.toString"}。',
    '',
  ].join('\n');
  const a = analyze({ uri: URI, text });
  assertNoSideEffects();
  // The names declared in the report are ordinary names: 7 + 5 = 12 agrees, so no mismatch is reported
  // for the first check; `toString` was never declared, so the second check reports a missing name.
  const formulaDiagnostics = a.diagnostics.filter((d) => d.rule.startsWith('kpi/'));
  assert.ok(
    formulaDiagnostics.some((d) => d.message.includes('toString')),
    `toString is reported as unknown: ${formulaDiagnostics.map((d) => d.message).join(' | ')}`,
  );
  assert.ok(
    !formulaDiagnostics.some((d) => d.message.includes('constructor')),
    `constructor is a declared denominator: ${formulaDiagnostics.map((d) => d.message).join(' | ')}`,
  );
});
