// Generators for the fuzz properties: raw strings over the whole of UTF-16 (lone surrogates, NUL,
// BOM, every line break), ESG-Markdown-shaped documents, mutations of real reports, and broken
// YAML front matters. Each generator is biased towards the characters the parser treats specially,
// since uniformly random text almost never reaches a table, an attribute block or a fenced div.
import fc from 'fast-check';
import { REAL_DOCUMENTS } from './support';

/** Characters and snippets the block and inline scanners react to. */
export const SPECIAL_TOKENS = [
  '\n',
  '\r',
  '\r\n',
  '\n\r',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\u3000',
  '\t',
  ' ',
  '{',
  '}',
  '{#',
  '{.',
  '{.explain hkex="',
  '{.hkex-index}',
  '[',
  ']',
  '](',
  ']{',
  '(',
  ')',
  '|',
  '\\|',
  '\\',
  '"',
  "'",
  '`',
  '```',
  '~~~',
  ':::',
  '::: {.explain hkex="A1.1"}',
  '#',
  '# ',
  '###### ',
  '---',
  '...',
  '===',
  '- ',
  '* ',
  '1. ',
  '> ',
  '<!--',
  '-->',
  '<sup>',
  '</sup>',
  '<sub>2</sub>',
  '[^1]',
  '@',
  '=',
  'hkex=',
  'kpi=',
  'formula="',
  'check="',
  '０',
  '１',
  '２',
  '９',
  '．',
  '，',
  '、',
  '：',
  '；',
  '（',
  '）',
  '｛',
  '｝',
  '［',
  '］',
  '｜',
  '％',
  '－',
  '＋',
  '＝',
  '。',
  '！',
  '1e308',
  '9'.repeat(400),
  '-0',
  'NaN',
  'Infinity',
  '1,234,567.89',
  '１２３，４５６',
  '0.5306',
  '12%',
  'A1',
  'A1.1',
  'A2.1-A2.5',
  'B8',
  'D28(a)',
  'MDR-boundary',
  'KPI A1.2',
  'ghg.total',
  'ghg.scope1',
  '噸',
  '噸二氧化碳當量',
  'tCO2e',
  'kgCO2/kWh',
  'kWh',
  'MWh',
  '萬元',
  '人',
  '%',
  '溫室氣體',
  '排放因子',
  '總量',
  '其中',
  '合計',
  'Total',
  '解釋',
  '不適用',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\uD83D\uDE00',
  'é',
  'e\u0301',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** One unit of random text: mostly special tokens, the rest any code unit, code point or lone surrogate. */
const textUnit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SPECIAL_TOKENS) },
  { weight: 2, arbitrary: anyCodeUnit },
  { weight: 2, arbitrary: anyCodePoint },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: fc.constantFrom('a', 'x', ' ', '中', '環', '1', '0', '.', ',') },
);

/** Random strings over all of UTF-16, including invalid surrogates and every line break. */
export const randomText = fc.array(textUnit, { maxLength: 400 }).map((parts) => parts.join(''));

const word = fc
  .array(fc.oneof(textUnit, fc.constantFrom('環境', '排放', 'Emissions', 'water', '僱傭')), {
    minLength: 0,
    maxLength: 6,
  })
  .map((p) => p.join(''));
export const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const id = fc.constantFrom(
  'A1',
  'A1.1',
  'A1.2',
  'A1.3',
  'A2',
  'A2.1',
  'A3',
  'B1',
  'B1.1',
  'B2.3',
  'B5',
  'B8.2',
  'D19',
  'D28(a)',
  'MDR-governance',
  'MDR-principles',
  'MDR-boundary',
  'A1.7',
  'X9',
  'A3.2',
  'B4.1',
);
const ids = fc.array(id, { minLength: 0, maxLength: 4 }).map((a) => a.join(' '));
const kpi = fc.constantFrom(
  'ghg.total',
  'ghg.scope1',
  'ghg.scope2',
  'water.total',
  'energy.electricity',
  'employees.total',
  'ghg.intensity',
  'waste.hazardous',
  'x.y',
);
const num = fc.oneof(
  fc.constantFrom(
    '1',
    '0',
    '12.5',
    '1,234',
    '1,234.56',
    '-',
    '—',
    'N/A',
    '１２３',
    '12%',
    '1e308',
    '9'.repeat(40),
    '0.0001',
    '-3',
    '(5)',
  ),
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
);
const unit = fc.constantFrom(
  '噸',
  '噸二氧化碳當量',
  'tCO2e',
  'kWh',
  'MWh',
  '萬元',
  '人',
  '%',
  '立方米',
  'm³',
  'kgCO2/kWh',
  '噸/萬元',
  '',
  '??',
);

/** One line of an ESG-Markdown-shaped document. */
const docLine = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 7 }), word, fc.option(ids), fc.option(word))
    .map(
      ([level, title, tag, anchor]) =>
        `${'#'.repeat(level)} ${title}${tag !== null ? ` {${anchor !== null ? `#${anchor} ` : ''}hkex="${tag}"}` : ''}`,
    ),
  fc
    .tuple(word, fc.array(fc.oneof(num, word), { maxLength: 6 }))
    .map(([label, cells]) => `| ${label} | ${cells.join(' | ')} |`),
  fc
    .tuple(
      kpi,
      fc.array(fc.oneof(num, unit), { maxLength: 5 }),
      fc.option(
        fc.constantFrom(
          'ghg.scope1 + ghg.scope2',
          'sum(ghg.scope3.*)',
          'constructor',
          '__proto__',
          '(((1',
          'water.total / denominators.revenue',
        ),
      ),
    )
    .map(([k, cells, f]) => `| [${k}]{#${k}${f !== null ? ` formula="${f}"` : ''}} | ${cells.join(' | ')} |`),
  fc.constantFrom(
    '|---|---|---|',
    '| --- | :---: | ---: |',
    '|-|',
    '---|---',
    '| 指標 | 單位 | 2024 | 2025 |',
    '| 條文 | 內容 | 報告章節 |',
    '|---|---|---|---|',
  ),
  ids.map((t) => `::: {.explain hkex="${t}"}`),
  fc.constantFrom(':::', '::::', '::: explain', '::: {.hkex-index}', '```', '~~~', '---', '===', '', '', ''),
  fc.tuple(num, unit, kpi).map(([n, u, k]) => `總排放 [${n} ${u}]{kpi=${k}} 及 [${n}]{check="${k} * 2"}。`),
  fc
    .tuple(num, fc.constantFrom('kgCO2/kWh', 'tCO2/MWh', '千克二氧化碳/千瓦時'), fc.integer({ min: 1980, max: 2100 }))
    .map(([n, u, y]) => `採用《${y} 年電力二氧化碳排放因子》，排放因子 ${n} ${u} 計算。`),
  fc.tuple(id, word).map(([i, w]) => `| ${i} | ${w} | [${w}](#${w}) |`),
  word,
);

/** Documents made of ESG-Markdown-shaped lines joined by random line breaks. */
export const shapedDocument = fc
  .tuple(
    fc.option(
      fc.constantFrom(
        '---\nesg:\n  period: 2025\n---\n',
        '---\nlang: en\nesg: {}\n---\n',
        '\uFEFF---\r\nesg:\r\n  issuer-class: gem\r\n---\r\n',
      ),
    ),
    fc.array(fc.tuple(docLine, eol), { maxLength: 60 }),
  )
  .map(([front, lines]) => (front ?? '') + lines.map(([l, e]) => l + e).join(''));

/** Snippets the mutator inserts into real reports. */
export const INSERTIONS = [
  '{',
  '}',
  ':::',
  '|',
  '"',
  '---',
  '１２３',
  '，',
  '：',
  '（',
  '）',
  '｜',
  '9'.repeat(400),
  '1e999',
  '-1e-999',
  '[',
  ']',
  '](',
  ']{',
  '{#',
  '{.explain',
  '```',
  '\uFEFF',
  '\u0000',
  '\r',
  '\r\n',
  '\uD800',
  '<!--',
  '\n' + Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n') + '\n', // a deeply nested list
  '| ' + Array.from({ length: 2000 }, (_, i) => String(i)).join(' | ') + ' |', // a wide row (the 100 000-column row is a single case)
  '{'.repeat(50),
  '}'.repeat(50),
  '['.repeat(50),
  '('.repeat(50),
];

type Mutation =
  | { op: 'delete' | 'duplicate'; line: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'eol'; style: '\r\n' | '\r' | 'mixed' }
  | { op: 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...INSERTIONS), randomText),
    }),
  },
  fc.record({
    op: fc.constant('eol' as const),
    style: fc.constantFrom('\r\n' as const, '\r' as const, 'mixed' as const),
  }),
  fc.record({ op: fc.constant('bom' as const) }),
);

export function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const lines = out.split('\n');
    switch (m.op) {
      case 'delete':
        lines.splice(m.line % lines.length, 1);
        out = lines.join('\n');
        break;
      case 'duplicate': {
        const i = m.line % lines.length;
        lines.splice(i, 0, lines[i]);
        out = lines.join('\n');
        break;
      }
      case 'swap': {
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        out = lines.join('\n');
        break;
      }
      case 'truncate':
        out = out.slice(0, m.at % (out.length + 1));
        break;
      case 'insert': {
        const at = m.at % (out.length + 1);
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      }
      case 'eol': {
        let k = 0;
        out = out.replace(/\r\n|\r|\n/g, () => (m.style === 'mixed' ? ['\n', '\r\n', '\r'][k++ % 3] : m.style));
        break;
      }
      case 'bom':
        out = '\uFEFF' + out;
        break;
    }
  }
  return out;
}

/** A real report (index into REAL_DOCUMENTS) and the mutations applied to it. */
export const mutatedDocument = fc
  .tuple(fc.nat({ max: REAL_DOCUMENTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([doc, mutations]) => ({
    source: REAL_DOCUMENTS[doc].name,
    mutations,
    text: mutate(REAL_DOCUMENTS[doc].text, mutations),
  }));

/** The same, limited to the smaller reports, for properties that analyse several times per run. */
export function mutatedSmallDocument(maxChars: number) {
  const small = REAL_DOCUMENTS.filter((d) => d.text.length <= maxChars);
  return fc
    .tuple(fc.nat({ max: small.length - 1 }), fc.array(mutation, { minLength: 0, maxLength: 4 }))
    .map(([doc, mutations]) => ({ source: small[doc].name, mutations, text: mutate(small[doc].text, mutations) }));
}

/** YAML lines, valid and broken, for the front matter; names include the prototype keys. */
const yamlLine = fc.oneof(
  fc.constantFrom(
    'esg:',
    '  period: 2025',
    '  period: 1899',
    '  period: {from: 2025-01-01, to: 2025-12-31}',
    '  period: {from: x}',
    '  issuer-class: gem',
    '  issuer-class: [',
    '  currency: hkd',
    '  locale: zh-Hant',
    '  framework: other',
    '  denominators:',
    '    revenue: 72,434 萬元',
    '    revenue: {2024: 1 萬元, 2025: ""}',
    '    employees: 1e999 人',
    '  factors:',
    '    grid: 0.5306 kgCO2/kWh',
    '    grid: cn-grid-2023',
    '    grid: {2023: cn-grid-2023, "*": 0.5 kgCO2/kWh}',
    '    __proto__: 1 萬元',
    '    constructor: 2 萬元',
    '    prototype: 3 人',
    '  __proto__:',
    '    polluted: 1',
    '  chapters: [a.esg.md, 1, null]',
    'title: "unterminated',
    "title: 'x",
    'lang: zh-Hant',
    'lang: ',
    'lang: [1, 2]',
    'a: &x [1, 2]',
    'b: *x',
    'c: *missing',
    '<<: *x',
    'd: !!js/function "function () { globalThis.pwned = 1 }"',
    'e: !!binary AAAA',
    '? complex',
    ': key',
    '\tindented: with tab',
    'esg: null',
    'esg: [1, 2]',
    'esg: 5',
    '- list',
    'dup: 1',
    'dup: 2',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
    '{{{{{{{{{{',
    '"',
    "'",
    '|',
    '>',
    '%YAML 1.2',
    '---',
    '...',
    '#',
    '',
  ),
  fc
    .tuple(
      fc.constantFrom('', '  ', '    ', '\t'),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(': ', ':', ' '),
      fc.oneof(randomText, fc.string({ maxLength: 12 })),
    )
    .map(([i, k, s, v]) => `${i}${k}${s}${v}`.replace(/\r\n|\r|\n/g, ' ')),
);

/** A document whose front matter is random YAML lines (often broken), followed by a small report body, with the given line breaks. */
export const brokenFrontMatter = (lineBreak: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(yamlLine, { minLength: 1, maxLength: 16 }), fc.constantFrom('---', '...', ''), lineBreak)
    .map(([lines, close, nl]) =>
      [
        '---',
        ...lines,
        close,
        '# 環境 {hkex="A1"}',
        '',
        '| 指標 | 單位 | 2025 |',
        '|---|---|---|',
        '| 總耗水量 | 噸 | 1,234 |',
        '',
      ].join(nl),
    );

/** YAML that expands exponentially through aliases (the 'billion laughs'). */
export function billionLaughs(levels: number): string {
  const lines = ['---', 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= levels; i++)
    lines.push(`l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  lines.push('esg:', '  period: 2025', '---', '# x', '');
  return lines.join('\n');
}

// Nesting and repetition: the shapes that made work quadratic (each nested or unclosed div copying the
// rest of the report, a search of every fact per figure, a subtree walk per index row). Sizes reach a
// few thousand, enough for quadratic work to show, small enough for a property to run in seconds.

const REPORT_HEAD = '---\nesg:\n  period: 2025\n---\n# T {#t hkex="A1"}\n\n';

/** A div opening fence: explanations with or without ids, other divs, longer fences, bare class names. */
const divOpener = fc.constantFrom(
  '::: {.explain hkex="B6.1"}',
  '::: {.explain}',
  '::::: {.explain hkex="A1 A2"}',
  '::: note',
  '::: {custom-style="Box"}',
  '::: explain',
  '::: {.explain hkex="B6.1"',
);

/**
 * Divs nested up to `maxDepth` deep, each with an optional reason line, closed all, some or none of the
 * way back out; optionally repeated, so that several runs start past the depth limit.
 */
export const nestedDivs = (maxDepth = 3000) =>
  fc
    .record({
      depth: fc.integer({ min: 1, max: maxDepth }),
      closedFraction: fc.constantFrom(0, 0.5, 1, 1, 1),
      opener: divOpener,
      mixedOpeners: fc.boolean(),
      reason: fc.constantFrom('', 'reason', '<!-- todo -->', '| a | b |\n|---|---|\n| 1 | 2 |'),
      repeat: fc.integer({ min: 1, max: 3 }),
      eol: fc.constantFrom('\n', '\r\n'),
    })
    .map(({ depth, closedFraction, opener, mixedOpeners, reason, repeat, eol }) => {
      const openers = ['::: {.explain hkex="B6.1"}', '::: {.explain}', '::: note'];
      let body = '';
      for (let r = 0; r < repeat; r++) {
        for (let k = 0; k < depth; k++)
          body += `${mixedOpeners ? openers[k % openers.length] : opener}\n${reason ? `${reason}\n` : ''}`;
        body += ':::\n'.repeat(Math.round(depth * closedFraction));
        body += '\n';
      }
      return (REPORT_HEAD + body).replace(/\n/g, eol);
    });

/** One unit of repeated structure (a block or an inline piece), as `n` copies make it. */
export const REPEATED_UNITS: Record<string, (n: number) => string> = {
  'unclosed openers': (n) => '::: {.explain hkex="B6.1"}\n'.repeat(n),
  'nested divs, closed': (n) => '::: {.explain hkex="B6.1"}\nx\n'.repeat(n) + ':::\n'.repeat(n),
  'sibling explanations': (n) => '::: {.explain hkex="B6.1"}\nreason\n:::\n\n'.repeat(n),
  'empty explanations without ids': (n) => '::: {.explain}\n:::\n\n'.repeat(n),
  'identical headings with one id': (n) => '## Same {#same hkex="A1"}\n\ntext\n\n'.repeat(n),
  'identical automatic headings': (n) => '## Same\n\n'.repeat(n),
  'headings six levels deep': (n) => '# a\n## b\n### c\n#### d\n##### e\n###### f\n'.repeat(n),
  'identical tables': (n) => '| 指標 | 單位 | 2025 |\n|---|---|---|\n| 總耗水量 | 噸 | 1 |\n\n'.repeat(n),
  'rows with a formula': (n) =>
    '| 指標 | 單位 | 2025 |\n|---|---|---|\n| [總耗水量]{#water.total} | 噸 | 5 |\n' +
    '| [x]{#ghg.total formula="water.total * 2"} | 噸 | 10 |\n'.repeat(n),
  'spans on one line': (n) => '[1 噸]{kpi=water.total} '.repeat(n) + '\n',
  'check spans on lines': (n) => '[1 噸]{kpi=water.total} [2]{check="water.total * 2"}\n\n'.repeat(n),
  'hkex ids in one attribute': (n) => `## S {hkex="${'A1 '.repeat(n)}"}\n\ntext\n`,
  'unknown ids in one attribute': (n) =>
    `## S {hkex="${Array.from({ length: n }, (_, i) => `Z${i}`).join(' ')}"}\n\ntext\n`,
  'ids in one explanation': (n) => `::: {.explain hkex="${'A1 '.repeat(n)}"}\nx\n:::\n`,
  'index rows': (n) =>
    '## Index {.hkex-index}\n\n| 層面 | 內容 | 章節 |\n|---|---|---|\n' + '| A1 | x | [T](#t) |\n'.repeat(n),
  'links in one index cell': (n) =>
    '## Index {.hkex-index}\n\n| 層面 | 內容 | 章節 |\n|---|---|---|\n| A1 | x | ' + '[T](#t) '.repeat(n) + '|\n',
  'brackets nested on one line': (n) => '['.repeat(n) + ']'.repeat(n) + '\n',
  'spans nested in span labels': (n) => '['.repeat(n) + '[x](#y)' + ']{.a}'.repeat(n) + '\n',
  'comment openers in an explanation': (n) => '::: {.explain hkex="A1"}\n' + '<!--'.repeat(n) + '\n:::\n',
  'unclosed attribute blocks': (n) => '::: {.explain hkex="A1"\n\n'.repeat(n),
  'labels with < and >': (n) =>
    '| 指標 | 單位 | 2025 |\n|---|---|---|\n' + '| Employees aged <30 or >50 | 人 | 1 |\n'.repeat(n),
  'a deep list': (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(Math.min(i, 200) * 2)}- x`).join('\n') + '\n',
};

/** A report made of one repeated unit, `n` times. */
export function repeatedReport(unit: string, n: number): string {
  return REPORT_HEAD + REPEATED_UNITS[unit](n);
}

/** A report mixing up to three repeated units, each up to `maxCopies` times. */
export const repetitionUpTo = (maxCopies: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(REPEATED_UNITS)), fc.integer({ min: 1, max: maxCopies })), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => REPORT_HEAD + parts.map(([unit, n]) => REPEATED_UNITS[unit](n)).join('\n'));

/** A report mixing several repeated units, each a random number of times (up to a few thousand). */
export const repetition = repetitionUpTo(2000);
