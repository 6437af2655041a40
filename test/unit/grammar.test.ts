// The TextMate grammars: valid JSON, the scope names package.json contributes, every regex compiles,
// every `#include` resolves, and the key patterns match (and refuse) the constructs of the dialect.
// Oniguruma is not available to the unit tests, so regexes are compiled with JavaScript's engine in
// unicode mode; the grammar deliberately uses only syntax both engines share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const ROOT = REPO_ROOT;

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  name?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
  repository?: Record<string, Rule>;
}
interface Grammar extends Rule {
  scopeName: string;
  injectionSelector?: string;
}

function load(file: string): Grammar {
  return JSON.parse(readFileSync(join(ROOT, 'syntaxes', file), 'utf8')) as Grammar;
}
const main = load('esg-markdown.tmLanguage.json');
const injection = load('esg-markdown.injection.tmLanguage.json');

/** Every rule of a grammar with a path for messages. */
function* rules(rule: Rule, path: string): Generator<[string, Rule]> {
  yield [path, rule];
  for (const [i, r] of (rule.patterns ?? []).entries()) yield* rules(r, `${path}.patterns[${i}]`);
  for (const key of ['captures', 'beginCaptures', 'endCaptures', 'repository'] as const) {
    for (const [k, r] of Object.entries(rule[key] ?? {})) yield* rules(r, `${path}.${key}.${k}`);
  }
}

function regexOf(grammar: Grammar, repositoryKey: string, index = 0): RegExp {
  const rule = grammar.repository![repositoryKey];
  const source = rule.match ?? rule.patterns![index].match!;
  return new RegExp(source, 'gu');
}

test('grammar files are JSON with the expected scope names', () => {
  assert.equal(main.scopeName, 'text.html.markdown.esg');
  assert.equal(injection.scopeName, 'text.html.markdown.esg.injection');
  assert.deepEqual(
    main.patterns,
    [{ include: 'text.html.markdown' }],
    'the ESG grammar keeps the whole Markdown grammar',
  );
  assert.match(injection.injectionSelector ?? '', /^L:text\.html\.markdown\b/);
});

test('package.json contributes the grammars by these scope names and paths', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const grammars: { scopeName: string; path: string; language?: string; injectTo?: string[] }[] =
    pkg.contributes.grammars;
  const byScope = new Map(grammars.map((g) => [g.scopeName, g]));
  for (const g of [main, injection]) {
    const contributed = byScope.get(g.scopeName);
    assert.ok(contributed, `${g.scopeName} is contributed`);
    const onDisk = JSON.parse(readFileSync(join(ROOT, contributed.path), 'utf8')) as Grammar;
    assert.equal(onDisk.scopeName, g.scopeName);
  }
  assert.equal(byScope.get(main.scopeName)!.language, 'esg-markdown');
  assert.deepEqual(byScope.get(injection.scopeName)!.injectTo?.sort(), [
    'text.html.markdown',
    'text.html.markdown.esg',
  ]);
});

test('every match/begin/end/while regex compiles', () => {
  let count = 0;
  for (const grammar of [main, injection]) {
    for (const [path, rule] of rules(grammar, grammar.scopeName)) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = rule[key];
        if (source === undefined) continue;
        assert.doesNotThrow(() => new RegExp(source, 'u'), `${path}.${key}: ${source}`);
        count++;
      }
    }
  }
  assert.ok(count >= 15, `expected the injection grammar's regexes to be found, got ${count}`);
});

test('every local #include names a repository entry', () => {
  for (const grammar of [main, injection]) {
    for (const [path, rule] of rules(grammar, grammar.scopeName)) {
      if (rule.include?.startsWith('#')) {
        assert.ok(grammar.repository?.[rule.include.slice(1)], `${path} includes missing ${rule.include}`);
      }
    }
  }
});

test('attribute blocks are recognised after headings and spans, plain braces are not', () => {
  const block = regexOf(injection, 'attribute-block');
  const found = (text: string) => [...text.matchAll(block)].map((m) => m[0]);
  assert.deepEqual(found('## 環境管理 {#env hkex="A1 A1.1 A2.1-A2.5"}'), ['{#env hkex="A1 A1.1 A2.1-A2.5"}']);
  assert.deepEqual(found('[總耗水量]{#water.total formula="a + b"}'), ['{#water.total formula="a + b"}']);
  assert.deepEqual(found('## Index {.hkex-index}'), ['{.hkex-index}']);
  assert.deepEqual(found('[8.4%]{check="change(ghg.total)"}'), ['{check="change(ghg.total)"}']);
  // A `}` inside a quoted value does not end the block.
  assert.deepEqual(found('{note="a}b" #x}'), ['{note="a}b" #x}']);
  assert.deepEqual(found('set {x} and {1, 2}'), []);
});

test('KPI spans need an attribute block right after the label', () => {
  const span = regexOf(injection, 'kpi-span');
  assert.equal([...'[總耗水量]{#water.total}'.matchAll(span)][0]?.[2], '總耗水量');
  assert.equal([...'[229.3 噸]{kpi=ghg.total}'.matchAll(span)][0]?.[2], '229.3 噸');
  assert.equal([...'[a link](https://example.com) and [ref][1]'.matchAll(span)].length, 0);
});

test('fenced div fences open with attributes or a class and close with colons only', () => {
  const fence = regexOf(injection, 'fenced-div-fence');
  const open = [...'::: {.explain hkex="B6.1"}'.matchAll(fence)][0];
  assert.ok(open);
  assert.equal(open[1], ':::');
  assert.equal(open[3], '.explain hkex="B6.1"');
  assert.ok([...':::::'.matchAll(fence)][0], 'closing fence');
  assert.ok([...'::: warning'.matchAll(fence)][0], 'class-only fence');
  assert.equal([...'text ::: {.x}'.matchAll(fence)].length, 0, 'a fence starts a line');
  assert.equal([...':: {.x}'.matchAll(fence)].length, 0, 'two colons are not a fence');
});

test('requirement ids inside hkex="…" are told from malformed ones', () => {
  const [valid, , invalid] = injection.repository!['requirement-ids'].patterns!.map((p) => new RegExp(p.match!, 'gu'));
  const value = 'A1 A1.1, A2.1-A2.5 MDR-boundary D28(a) D19-D27 X9 A1..2';
  const ids = [...value.matchAll(valid)].map((m) => m[0]);
  assert.deepEqual(ids, ['A1', 'A1.1', 'A2.1-A2.5', 'MDR-boundary', 'D28(a)', 'D19-D27']);
  // What the id rule leaves is caught by the invalid rule (it runs after the id rule in the grammar).
  const rest = value.replace(valid, ' ');
  assert.deepEqual(
    [...rest.matchAll(invalid)].map((m) => m[0]),
    ['X9', 'A1..2'],
  );
});

test('formula and check expressions: functions, KPI ids, numbers and operators', () => {
  // A small first-match-wins scanner over the expression patterns, as TextMate applies them.
  const patterns = injection.repository!.expression.patterns!.map((p) => ({
    re: new RegExp(p.match!, 'uy'),
    scope: p.name ?? p.captures?.['1']?.name,
  }));
  const tokenize = (text: string) => {
    const tokens: string[] = [];
    for (let at = 0; at < text.length;) {
      let advanced = false;
      for (const { re, scope } of patterns) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m && m[0].length) {
          tokens.push(`${m[0].trim()}=${scope}`);
          at += m[0].length;
          advanced = true;
          break;
        }
      }
      if (!advanced) at++;
    }
    return tokens;
  };
  assert.deepEqual(tokenize('change(ghg.total, 2024) >= 1,124,032.5 * 28.64%'), [
    'change=support.function.esg',
    '(=punctuation.section.parens.esg',
    'ghg.total=variable.other.kpi.esg',
    ',=punctuation.separator.comma.esg',
    '2024=constant.numeric.esg',
    ')=punctuation.section.parens.esg',
    '>==keyword.operator.esg',
    '1,124,032.5=constant.numeric.esg',
    '*=keyword.operator.esg',
    '28.64%=constant.numeric.esg',
  ]);
});
