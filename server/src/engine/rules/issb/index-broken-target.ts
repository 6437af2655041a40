// issb/index-broken-target: the shared framework index rule (gri/packRefs.ts) for IFRS S2 and HKFRS S2; docs/rules.md.
import { ISSB_INDEX_RULES } from './family';

export const issbIndexBrokenTarget = ISSB_INDEX_RULES.indexBrokenTarget;
