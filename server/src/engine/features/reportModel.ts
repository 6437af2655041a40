// The report as the preview panel, the coverage view, the CSV/JSON export and the CLI's `kpis`
// command see it: plain JSON, built from one analysis, no functions, no ranges beyond what a click
// needs to reveal a cell. (Issue 4.) The builder lives in ./report.ts.
import type { Range } from '../types';
import type { FrameworkCoverage } from './coverage';

export type CheckStatus = 'agrees' | 'disagrees' | 'unchecked';

export interface ReportCheck {
  rule: string;
  /** The relation with the report's labels: '範圍 1 + 範圍 2 = 溫室氣體排放總量'. */
  formula: string;
  /** The computed value printed like the reported figure. */
  computed: string;
  ok: boolean;
}

export interface ReportValue {
  period: string;
  /** As printed ('57,695.89'). */
  raw: string;
  value?: number;
  status: 'number' | 'none' | 'empty' | 'bad' | 'pair';
  /** The value in the KPI's base unit (tCO2e, kWh, m3, ...), when the unit is known. */
  normalized?: number;
  check: CheckStatus;
  checks: ReportCheck[];
  /** The cell, for 'reveal in editor'. */
  uri: string;
  range: Range;
}

export interface ReportKpiRow {
  /** Catalog or span KPI id; undefined for rows esgmark did not recognise. */
  kpiId?: string;
  /** Localized catalog name, or the label as written. */
  name: string;
  label: string;
  group?: string;
  unit?: string;
  /** The base unit the normalized values are in ('tCO2e', 'kWh', 'tCO2e/CNY'...). */
  normalizedUnit?: string;
  values: ReportValue[];
  uri: string;
  range: Range;
  /** A row with figures whose label esgmark did not recognise (no KPI id): shown as such, not hidden. */
  unrecognised?: true;
  /** For an open breakdown member (a row under a recognised breakdown group, in no catalog): the parent KPI. */
  memberOf?: string;
}

export interface ReportKpiGroup {
  /** HKEX aspect: 'A1' ... 'B8', or 'D' for Part D climate (GHG), or 'other'. */
  aspect: string;
  title: string;
  rows: ReportKpiRow[];
}

export type CoverageStatus = 'disclosed' | 'explained' | 'missing' | 'deleted-claimed' | 'not-required';

export interface ReportRequirement {
  id: string;
  part: 'B' | 'C' | 'D';
  aspect: string;
  title: string;
  obligation: 'mandatory' | 'comply-or-explain' | 'voluntary' | 'deleted';
  status: CoverageStatus;
  /** Where it is disclosed (sections, KPI rows, index rows pointing to sections). */
  places: { label: string; uri: string; range: Range }[];
  explanation?: { text: string; uri: string; range: Range };
}

export interface ReportModel {
  uri: string;
  title?: string;
  issuer?: string;
  locale: string;
  periods: string[];
  kpiGroups: ReportKpiGroup[];
  /** GHG by scope and period, for the stacked chart (tCO2e). */
  ghg: { period: string; scope1?: number; scope2?: number; scope3?: number }[];
  /** Scope 3 by category and period (tCO2e). */
  scope3: { category: number; name: string; values: Record<string, number> }[];
  requirements: ReportRequirement[];
  coverage: {
    /** Per part: addressed (disclosed or explained) / required. */
    parts: { part: 'B' | 'C' | 'D'; addressed: number; required: number }[];
    /** 'Part B 3/3, Part C 44/45, Part D 20/25'. */
    summary: string;
    /**
     * The financial year and the rule of the Code that applied to it: 'FY 1 Apr 2025 – 31 Mar 2026,
     * commencing before 1 Jan 2026: Part D is 'comply or explain' for LargeCap issuers'.
     */
    context?: string;
  };
  checks: { total: number; disagree: number };
  /** The reports it links, with their figures of its KPIs (set by the server from the cross-report checks). */
  linked?: ReportLinked[];
  /** The financial year, issuer class and rules version the obligations were worked out for. */
  reporting?: {
    fyStart: string;
    fyEnd: string;
    fyLabel: string;
    issuerClass: string;
    codeVersion: string;
    /** False when the report gives no `esg.period` (the Code's first year is assumed). */
    known: boolean;
  };
  /** Every framework the report claims besides the HKEX Code (`esg.frameworks`), with each item's status (features/coverage.ts). */
  frameworks?: FrameworkCoverage[];
}

/** How a linked report's figure compares with this report's (the hover's verdicts). */
export type LinkedVerdict = 'same' | 'different' | 'units' | 'not-comparable' | 'restated';

/** The figure a linked report states for one of this report's KPIs and periods. */
export interface ReportLinkedFigure {
  /** As printed there, with its unit ('34.8 噸'). */
  raw: string;
  verdict: LinkedVerdict;
  /** The cell in the linked report, for 'reveal in editor'. */
  uri: string;
  range: Range;
}

/** A report this one links (`esg.translations`, `esg.previous`): the preview's column for it. */
export interface ReportLinked {
  kind: 'translation' | 'previous';
  /** The path as written in the front matter. */
  path: string;
  uri: string;
  /** The language it is written in, named in this report's language ('Traditional Chinese'). */
  language: string;
  /** By `<kpi id>@<period>` of this report's figures: only those the linked report states too. */
  figures: Record<string, ReportLinkedFigure>;
}
