// The KPI name index is built from keys the build normalised once (scripts/build.mjs defines
// ESGMARK_KPI_NAME_KEYS in the bundles, catalogs/kpis.ts reads it): they must be exactly the keys
// computed from the catalog, and a table that does not fit the catalog must not be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allKpis, computeKpiNameKeys, matchKpi } from '../../server/src/engine/catalogs/kpis';
import { REPO_ROOT } from '../helpers/paths';

test('the keys the build put in the bundles are the keys computed from the catalog', () => {
  const built = path.join(REPO_ROOT, 'dist', 'kpi-name-keys.json');
  assert.ok(existsSync(built), 'dist/kpi-name-keys.json is missing: run `npm run build`');
  assert.deepEqual(JSON.parse(readFileSync(built, 'utf8')), computeKpiNameKeys());
  assert.equal(computeKpiNameKeys().length, allKpis().length);
});

test('with keys that do not fit the catalog, the index is computed and matches as without any', () => {
  const kpis = require.resolve('../../server/src/engine/catalogs/kpis');
  const labels = ['Scope 1 GHG emissions', '範圍1溫室氣體排放量', '总耗水量', 'Total water consumption'];
  // In a fresh process: the global must be set before kpis.ts is loaded.
  const probe = `globalThis.ESGMARK_KPI_NAME_KEYS = [['scope1ghgemissions']];
const { matchKpi } = require(${JSON.stringify(kpis)});
process.stdout.write(JSON.stringify(${JSON.stringify(labels)}.map((l) => matchKpi(l)?.kpi.id ?? null)));`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const expected = labels.map((l) => matchKpi(l)?.kpi.id ?? null);
  assert.ok(expected.every((id) => id !== null));
  assert.deepEqual(JSON.parse(run.stdout), expected);
});
