// The cheap check, shared by the server and the client, that decides whether a Markdown file is an
// ESG report (checked by the server, switched to esg-markdown by the client).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasEsgFrontMatter } from '../../server/src/engine/detect';

const lines = (...l: string[]) => l.join('\n');

test('a front matter with a top-level esg: key is recognised', () => {
  assert.equal(hasEsgFrontMatter(lines('---', 'title: 報告', 'esg:', '  issuer: X', '---', '# 標題')), true);
  assert.equal(hasEsgFrontMatter(lines('\uFEFF---', 'esg: {}', '...')), true);
  assert.equal(hasEsgFrontMatter(lines('---', 'esg : ', '---')), true);
  assert.equal(hasEsgFrontMatter('---\r\ntitle: x\r\nesg:\r\n---\r\n'), true);
});

test('other files are not', () => {
  assert.equal(hasEsgFrontMatter(''), false);
  assert.equal(hasEsgFrontMatter(lines('# esg:', 'esg: x')), false, 'no front matter');
  assert.equal(hasEsgFrontMatter(lines('---', 'title: x', '  esg: nested', '---')), false, 'nested key');
  assert.equal(hasEsgFrontMatter(lines('---', 'title: x', '---', 'esg: after the front matter')), false);
  assert.equal(hasEsgFrontMatter(lines('---', 'esgmark: x', '---')), false);
});

test('only the start of a long file is read', () => {
  const long = lines('---', 'k: ' + 'v'.repeat(20000), 'esg:', '---');
  assert.equal(hasEsgFrontMatter(long), false);
});
