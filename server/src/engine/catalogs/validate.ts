// Run by the build (scripts/build.mjs) and the tests: every catalog must match its schema and
// its cross-references must resolve. Exits non-zero with the offending paths.
import { checkCatalogs } from './check';

const problems = checkCatalogs();
if (problems.length) {
  for (const p of problems) console.error(`catalog error: ${p}`);
  process.exit(1);
}
