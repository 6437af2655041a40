// `npm run corpus`: every report of test/corpus/ through the engine, with its recognition figures,
// the audited defects it flags and misses, and its false alarms; totals at the end.
// `--pin` writes the current figures to test/corpus/pinned.json (after an improvement).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_DIR, pinOf, runCorpus, type CorpusResult } from './corpus';

const verbose = process.argv.includes('--verbose');
const results = runCorpus();
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(
  `${pad('report', 34)}${pad('lang', 8)}${pad('rows', 6)}${pad('recognised', 17)}${pad('defects', 14)}${pad('false alarms', 13)}coverage`,
);
for (const r of results) {
  console.log(
    `${pad(r.id, 34)}${pad(r.language, 8)}${pad(r.metricRows, 6)}${pad(`${r.recognised} (${pct(r.recognised, r.metricRows)})`, 17)}${pad(`${r.flagged}/${r.defects}`, 14)}${pad(r.falseAlarms.length, 13)}${r.coverage}`,
  );
  if (verbose || r.falseAlarms.length)
    for (const f of r.falseAlarms) console.log(`    false alarm ${f.rule} line ${f.line}: ${f.message.slice(0, 160)}`);
  if (verbose || r.misses.length)
    for (const m of r.misses) console.log(`    missed ${m.rule} line ${m.line ?? '?'}: ${m.what}`);
  if (verbose) for (const u of r.unrecognised) console.log(`    unrecognised: ${u}`);
}
const sum = (f: (r: CorpusResult) => number) => results.reduce((a, r) => a + f(r), 0);
const rows = sum((r) => r.metricRows);
const recognised = sum((r) => r.recognised);
console.log(
  `\n${results.length} reports: ${recognised} of ${rows} metric rows recognised (${pct(recognised, rows)}); ` +
    `${sum((r) => r.flagged)} of ${sum((r) => r.defects)} audited defects flagged (and ${sum((r) => r.outsideFlagged)} of ${sum((r) => r.outside)} that need a figure from outside the report); ${sum((r) => r.falseAlarms.length)} false alarms; ` +
    `${sum((r) => r.relations.holds)} relations hold, ${sum((r) => r.relations.fails)} fail, ${sum((r) => r.relations.unchecked)} cannot be checked`,
);
if (process.argv.includes('--pin')) {
  const file = path.join(CORPUS_DIR, 'pinned.json');
  writeFileSync(file, `${JSON.stringify(Object.fromEntries(results.map((r) => [r.id, pinOf(r)])), null, 2)}\n`);
  console.log(`pinned: ${path.relative(process.cwd(), file)}`);
}
