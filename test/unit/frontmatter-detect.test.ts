// The client's cheap check that decides whether a Markdown file is an ESG report (switched to esg-markdown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRONT_MATTER_SCAN_LINES, hasEsgFrontMatter } from '../../client/src/frontMatter';

test('a front matter with a top-level esg: key is recognised', () => {
  assert.equal(hasEsgFrontMatter(['---', 'title: 報告', 'esg:', '  issuer: X', '---', '# 標題']), true);
  assert.equal(hasEsgFrontMatter(['\uFEFF---', 'esg: {}', '...']), true);
  assert.equal(hasEsgFrontMatter(['---', 'esg : ', '---']), true);
});

test('other files are not', () => {
  assert.equal(hasEsgFrontMatter([]), false);
  assert.equal(hasEsgFrontMatter(['# esg:', 'esg: x']), false, 'no front matter');
  assert.equal(hasEsgFrontMatter(['---', 'title: x', '  esg: nested', '---']), false, 'nested key');
  assert.equal(hasEsgFrontMatter(['---', 'title: x', '---', 'esg: after the front matter']), false);
  assert.equal(hasEsgFrontMatter(['---', 'esgmark: x', '---']), false);
});

test('only the first lines are read', () => {
  const long = ['---', ...Array.from({ length: FRONT_MATTER_SCAN_LINES + 10 }, (_, i) => `k${i}: v`), 'esg:', '---'];
  assert.equal(hasEsgFrontMatter(long), false);
});
