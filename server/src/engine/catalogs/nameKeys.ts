// Run by the build (scripts/build.mjs): prints every KPI's normalised name keys (kpis.ts
// computeKpiNameKeys) as JSON, which the build defines as ESGMARK_KPI_NAME_KEYS in the bundles so that
// a process does not normalise the catalog's 3,271 names at start.
import { computeKpiNameKeys } from './kpis';

console.log(JSON.stringify(computeKpiNameKeys()));
