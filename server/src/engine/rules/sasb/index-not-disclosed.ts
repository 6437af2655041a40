// sasb/index-not-disclosed: the shared framework index rule (gri/packRefs.ts) for the SASB industry packs; docs/rules.md.
import { SASB_INDEX_RULES } from './family';

export const sasbIndexNotDisclosed = SASB_INDEX_RULES.indexNotDisclosed;
