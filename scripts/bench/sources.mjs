// The texts the real-shaped benchmark reports are built from (scripts/bench/generate-real.ts): the
// examples and the converted corpus. Zhipu's report comes first (its front matter heads every
// real-shaped report); the other examples are spread among the corpus reports, so that a small
// report has the same mix as a large one.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function realSources(root) {
  const read = (rel) => ({ name: rel, text: readFileSync(join(root, rel), 'utf8') });
  const host = 'examples/zhipu-2025.esg.md';
  const examples = readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.esg.md'))
    .sort()
    .map((f) => `examples/${f}`)
    .filter((f) => f !== host);
  const corpus = readdirSync(join(root, 'test/corpus'))
    .sort()
    .map((d) => `test/corpus/${d}/report.esg.md`)
    .filter((f) => existsSync(join(root, f)));
  const order = [host];
  const every = Math.max(1, Math.ceil(corpus.length / (examples.length + 1)));
  corpus.forEach((f, i) => {
    order.push(f);
    if ((i + 1) % every === 0 && examples.length > 0) order.push(examples.shift());
  });
  order.push(...examples);
  return order.map(read);
}
