// issb/unknown-id: the shared framework index rule (gri/packRefs.ts) for IFRS S2 and HKFRS S2; docs/rules.md.
import { ISSB_INDEX_RULES } from './family';

export const issbUnknownId = ISSB_INDEX_RULES.unknownId;
