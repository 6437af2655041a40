// Calendar dates (`YYYY-MM-DD`) as the catalogs and front matters write them, tested without zod:
// frameworks.ts and frontmatter.ts ask on every analysis, and the pack schemas use the same two tests.

/** `YYYY-MM-DD` with a month 01-12 and a day 01-31; ordering by string comparison is ordering by date. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a date of the ISO_DATE form exists ('2025-02-30' does not). */
export function isExistingDay(s: string): boolean {
  return !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** Whether a value is a `YYYY-MM-DD` date that exists: what the pack schemas' `isoDate` accepts. */
export function isCalendarDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && isExistingDay(s);
}
