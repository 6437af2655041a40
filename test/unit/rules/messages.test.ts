// The message table is typed: `t` takes only keys the table has, and each family's table gives every
// message in the three languages (both are type errors, so this file does not compile when they break).
// At run time: no key is given by two families, so gathering them into one table loses none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t, tFromKey } from '../../../server/src/engine/i18n';
import { MESSAGE_TABLES, MESSAGES } from '../../../server/src/engine/messages';

test('an unknown key is a type error for t, and comes back as it is from tFromKey', () => {
  // @ts-expect-error: not a key of the message table
  const unknown = t('en', 'hkex.noSuchMessage', { id: 'A1' });
  assert.equal(unknown, 'hkex.noSuchMessage');
  assert.equal(tFromKey('en', 'kpi.dim.{id}', { id: 'x' }), 'kpi.dim.x');
  assert.equal(t('en', 'hkex.unknownId', { id: 'A9' }), tFromKey('en', 'hkex.unknownId', { id: 'A9' }));
});

test('no message key is given by two families', () => {
  const seen = new Map<string, string>();
  for (const [table, messages] of Object.entries(MESSAGE_TABLES)) {
    for (const key of Object.keys(messages)) {
      assert.ok(!seen.has(key), `${key} is in both ${seen.get(key)} and ${table}`);
      seen.set(key, table);
    }
  }
  assert.equal(Object.keys(MESSAGES).length, seen.size);
});
