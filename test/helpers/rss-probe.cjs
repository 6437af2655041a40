// Preloaded (node --require) into a CLI run by the hostile-input tests: at exit, writes the process's
// peak resident set size in KiB to the file named by ESGMARK_TEST_RSS_FILE. Peak memory is part of
// what those tests bound, and a child's peak cannot be read from outside once it has exited.
'use strict';
const file = process.env.ESGMARK_TEST_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The probe must never change the exit of the program it measures.
    }
  });
}
