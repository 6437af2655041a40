// sasb/unknown-code: the shared framework index rule (gri/packRefs.ts) for the SASB industry packs; docs/rules.md.
import { SASB_INDEX_RULES } from './family';

export const sasbUnknownCode = SASB_INDEX_RULES.unknownId;
