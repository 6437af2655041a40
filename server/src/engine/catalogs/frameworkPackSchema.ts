// Typed shapes of the framework packs (data/frameworks/*.json): GRI, IFRS S2 / HKFRS S2, the A-share
// guidelines, SASB, and the reference-tag packs (UN SDGs, Nasdaq). The HKEX Code keeps its own catalog
// (data/hkex-esg-2025.json, schema.ts). A pack holds ids, our own short titles and links, never a
// standard's text: the IFRS Foundation and GRI do not license their text for reporting software.
import * as z from 'zod';
import { ISO_DATE, isExistingDay } from './dates';

/** Longest title a pack item may carry, per script: longer is likely copied text, not a name. */
export const MAX_TITLE = { en: 48, zh: 18 } as const;

const localized = z
  .object({
    en: z.string().min(1),
    'zh-Hant': z.string().min(1),
    'zh-Hans': z.string().min(1),
  })
  .strict();

/** A calendar date `YYYY-MM-DD` (dates.ts); ordering by string comparison is ordering by date. */
export const isoDate = z.string().regex(ISO_DATE).refine(isExistingDay, { message: 'not a calendar date' });

const link = z
  .object({
    title: z.string().min(1),
    url: z.string().regex(/^https?:\/\/\S+$/),
    /** Day the link was recorded, and read when `consulted` (through a stored copy, see docs/frameworks.md). */
    retrieved: isoDate,
    /** Whether the page's text was read for the pack; false: the official location, recorded unread. */
    consulted: z.boolean(),
  })
  .strict();

const versionId = z.string().regex(/^[0-9][0-9a-z.-]*$/);

const versionSchema = z
  .object({
    id: versionId,
    title: localized,
    published: isoDate,
    /** First day the version applies. */
    effectiveFrom: isoDate,
    /**
     * What `effectiveFrom` is compared with: the start of the reporting period (IFRS S2, GRI 102/103) or
     * the publication date of the report (GRI 1-3 2021). The accessors compare the financial year start
     * in both cases; docs/frameworks.md says so.
     */
    effectiveBasis: z.enum(['period-start', 'report-published']),
    earlyAdoption: z.boolean(),
    note: z.string().optional(),
  })
  .strict();
export type PackVersion = z.infer<typeof versionSchema>;

export const packItemKindSchema = z.enum(['disclosure', 'metric', 'topic', 'tag', 'relief']);
export type PackItemKind = z.infer<typeof packItemKindSchema>;

const itemSchema = z
  .object({
    /** The id as the framework prints it: `305-1`, `29(a)(i)(1)`, `TC-SI-130a.1`, `climate`, `6`. */
    id: z.string().min(1),
    kind: packItemKindSchema,
    /** A group of the pack (a GRI standard, an IFRS S2 pillar, an A-share part, a SASB topic). */
    group: z.string().optional(),
    /** Our own short name of the item, never the standard's text (length checked, MAX_TITLE). */
    title: localized,
    parent: z.string().optional(),
    /** First version the item is in (absent: the first version). */
    from: versionId.optional(),
    /** First version the item is no longer in (absent: still in force). */
    until: versionId.optional(),
    /** Items of this pack that replace it from `until` on (GRI 305-1 -> 102-5). */
    successors: z.array(z.string().min(1)).optional(),
    /**
     * The item applies only where its condition holds (IFRS S2 29A: an entity that limits Category 15 to
     * financed emissions): a claim of the pack does not require it of every report.
     */
    conditional: z.boolean().optional(),
    /** KPI ids (data/kpis.json) whose figures answer the item, so one fact serves several frameworks. */
    kpis: z.array(z.string().min(1)).optional(),
    notes: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type PackItem = z.infer<typeof itemSchema>;

const groupSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    title: localized,
    from: versionId.optional(),
    until: versionId.optional(),
  })
  .strict();
export type PackGroup = z.infer<typeof groupSchema>;

export const frameworkPackSchema = z
  .object({
    /** Id used in front matter `frameworks: [...]`: `gri-2021`, `ifrs-s2`, `hkfrs-s2`, ... */
    id: z.string().regex(/^[a-z]+(-[a-z0-9]+)*$/),
    /** `standard`: checked when claimed; `reference-tags`: accepted and listed, never enforced. */
    kind: z.enum(['standard', 'reference-tags']),
    title: localized,
    publisher: z.string().min(1),
    /** The form every item id of the pack takes (checked; the patterns are in frameworks.ts, ID_SHAPES). */
    idShape: z.enum(['gri', 'paragraph', 'sasb', 'slug', 'sdg', 'nasdaq']),
    /** A pack whose paragraphs it reproduces (HKFRS S2 -> IFRS S2); its ids must exist there. */
    alignedWith: z.string().optional(),
    licence: z.string().optional(),
    links: z.array(link).min(1),
    /** In order of `effectiveFrom` (checked). */
    versions: z.array(versionSchema).min(1),
    groups: z.array(groupSchema),
    items: z.array(itemSchema).min(1),
    /** Facts of the pack that could not be confirmed from a source. */
    unverified: z.array(z.string().min(1)),
  })
  .strict();
export type FrameworkPack = z.infer<typeof frameworkPackSchema>;

export const crossMapSchema = z
  .object({
    maps: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
          from: z.string().min(1),
          to: z.string().min(1),
          /** `published`: taken from the source's own table; `derived`: our mapping (the note says how). */
          basis: z.enum(['published', 'derived']),
          source: link,
          note: z.string().min(1),
          pairs: z.array(z.object({ from: z.string().min(1), to: z.array(z.string().min(1)).min(1) }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type CrossMaps = z.infer<typeof crossMapSchema>;
export type CrossMap = CrossMaps['maps'][number];

export const griContentIndexSchema = z
  .object({
    id: z.string().min(1),
    pack: z.string().min(1),
    links: z.array(link).min(1),
    /** Statements of use: 'in accordance with' and 'with reference to', with what each requires. */
    claims: z.array(
      z
        .object({
          id: z.enum(['in-accordance', 'with-reference']),
          title: localized,
          synonyms: z.array(z.string().min(1)).min(1),
          requires: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
    requirements: z.array(z.object({ id: z.string().min(1), title: localized }).strict()),
    /** GRI's closed list of reasons for omission, with the spellings an index prints. */
    omissionReasons: z.array(
      z
        .object({
          id: z.enum([
            'not-applicable',
            'legal-prohibitions',
            'confidentiality-constraints',
            'information-unavailable',
          ]),
          title: localized,
          synonyms: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
    /** Disclosures for which no reason for omission is accepted. */
    omissionNotAllowed: z.array(z.string().min(1)),
    omissionNotAllowedNote: z.string().min(1),
    /** Column headers of a content index table, by role. */
    columns: z.array(
      z
        .object({
          id: z.enum([
            'standard',
            'disclosure',
            'location',
            'omission-requirement',
            'omission-reason',
            'omission-explanation',
            'sector-ref',
          ]),
          synonyms: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
    unverified: z.array(z.string().min(1)),
  })
  .strict();
export type GriContentIndexRules = z.infer<typeof griContentIndexSchema>;
