// sasb/index-missing-row: the shared framework index rule (gri/packRefs.ts) for the SASB industry packs; docs/rules.md.
import { SASB_INDEX_RULES } from './family';

export const sasbIndexMissingRow = SASB_INDEX_RULES.indexMissingRow;
