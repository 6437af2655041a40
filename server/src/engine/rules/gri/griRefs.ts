// Helpers shared by the gri/ rules: whether GRI applies to the report, and every GRI id it cites.
import type { RuleContext } from '../rule';
import { versionFor } from '../../catalogs/frameworks';
import { GRI_PACK, type GriIndexTable, type PackRef } from '../../recognition/griIndex';

/** The GRI content index tables when GRI applies to the report (claimed, or an index printed); undefined when it does not. */
export function griScope(ctx: RuleContext): { tables: GriIndexTable[] } | undefined {
  const tables = ctx.derived.griIndexTables;
  // GRI applies when claimed in `esg.frameworks` or when a GRI content index is printed.
  if (!tables.length && !ctx.doc.config.frameworks.includes(GRI_PACK)) return undefined;
  // A year before the GRI 2021 Standards applied: its index uses the 2016 numbering (102-1 … 102-56 were
  // general disclosures then), which the pack does not hold; nothing is checked rather than misread.
  // But GRI 2021 applies to reports published from 1 January 2023, so a FY2022 report published in 2023 is
  // on it: one that cites a GRI 2 or GRI 3 disclosure (numbers the 2016 Standards did not have) is checked.
  if (!versionFor(GRI_PACK, ctx.reporting.fyStart) && !citesUniversal2021(ctx, tables)) return undefined;
  return { tables };
}

/** Whether the report cites a disclosure of GRI 2 or GRI 3 (2021): `2-29`, `3-1`; the 2016 Standards had none. */
function citesUniversal2021(ctx: RuleContext, tables: GriIndexTable[]): boolean {
  return griCitations(ctx, tables).some((r) => r.known && /^[23]-\d+$/.test(r.id));
}

/** GRI ids cited by the report: tags on headings, then the index rows' ids. */
export function griCitations(ctx: RuleContext, tables: GriIndexTable[]): PackRef[] {
  const tags = ctx.derived.packTags.filter((t) => t.pack === GRI_PACK);
  const rows = tables.flatMap((t) => t.rows.flatMap((r) => r.refs));
  return [...tags, ...rows];
}
