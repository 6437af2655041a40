// The KPI preview panel's page. It receives `{type:'update', model}` from the extension and draws the
// report's KPIs (tables, check badges, sparklines, GHG charts) and its HKEX coverage. Every update
// re-renders in place: no reload, the scroll position, the active tab, collapsed groups, expanded
// checks and filters are kept (and persisted with the webview state so they survive a hidden panel).
// All text from the report goes into text nodes (see dom.ts); the page runs under a strict CSP.
import type {
  CoverageStatus,
  LinkedVerdict,
  ReportKpiGroup,
  ReportLinked,
  ReportLinkedFigure,
  ReportKpiRow,
  ReportModel,
  ReportRequirement,
  ReportValue,
  FromPreviewMessage,
  Range,
  ToPreviewMessage,
} from '../../server/src/protocol';
import { append, button, h } from './dom';
import { label, uiLocale, type LabelKey, type UiLocale } from './i18n';
import { ChartCache, chronological, ghgChart, scope3Chart, sparkline, type Point } from './charts';
import { readPalette, watchTheme, type Palette } from './theme';

// ---------------------------------------------------------------------------------------------
// Host API and state

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Tab = 'kpis' | 'coverage';

interface ViewState {
  tab: Tab;
  /** Collapsed group keys ('A1', 'ghg', ...). */
  collapsed: string[];
  /** Rows whose checks are expanded (row keys). */
  expanded: string[];
  filters: { part: string; obligation: string; status: string };
  scroll: Record<Tab, number>;
}

const DEFAULT_STATE: ViewState = {
  tab: 'kpis',
  collapsed: [],
  expanded: [],
  filters: { part: 'all', obligation: 'all', status: 'all' },
  scroll: { kpis: 0, coverage: 0 },
};

// Outside VS Code (a browser opening the file) the page still renders, it just has no one to talk to.
const vscode: VsCodeApi =
  typeof acquireVsCodeApi === 'function'
    ? acquireVsCodeApi()
    : { postMessage: () => undefined, getState: () => undefined, setState: () => undefined };

function restoreState(saved: unknown): ViewState {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Partial<ViewState>;
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const f = (s.filters ?? {}) as Partial<ViewState['filters']>;
  const scroll = (s.scroll ?? {}) as Partial<ViewState['scroll']>;
  return {
    tab: s.tab === 'coverage' ? 'coverage' : 'kpis',
    collapsed: strings(s.collapsed),
    expanded: strings(s.expanded),
    filters: {
      part: typeof f.part === 'string' ? f.part : 'all',
      obligation: typeof f.obligation === 'string' ? f.obligation : 'all',
      status: typeof f.status === 'string' ? f.status : 'all',
    },
    scroll: { kpis: Number(scroll.kpis) || 0, coverage: Number(scroll.coverage) || 0 },
  };
}

const state: ViewState = restoreState(vscode.getState() ?? DEFAULT_STATE);
const saveState = (): void => vscode.setState(state);

let model: ReportModel | undefined;
let locale: UiLocale = uiLocale(document.documentElement.lang);
let palette: Palette = readPalette();
const charts = new ChartCache();
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('main'));

const t = (key: LabelKey, params?: Record<string, string | number>): string => label(locale, key, params);

// ---------------------------------------------------------------------------------------------
// Model intake: the model comes over postMessage, so nothing about its shape is trusted.

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function isRange(v: unknown): v is Range {
  const r = v as Range | undefined;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.start?.line === 'number' &&
    typeof r.start?.character === 'number' &&
    typeof r.end?.line === 'number'
  );
}

/** A row as shown: a KPI reported in several tables is one row, with the places it is reported in. */
type ShownRow = ReportKpiRow & { places?: { uri: string; range: ReportKpiRow['range']; label: string }[] };

/**
 * One row per KPI: rows of a group with the same KPI id and unit are merged, their figures side by
 * side by period, and the row lists its places. Rows whose figures for a period differ stay apart
 * (kpi/value-conflict reports them), and so do unrecognised rows.
 */
function mergeSameKpi(rows: ReportKpiRow[]): ShownRow[] {
  const out: ShownRow[] = [];
  const byKey = new Map<string, ShownRow>();
  for (const row of rows) {
    const key = row.kpiId && !row.unrecognised ? `${row.kpiId}|${row.unit ?? ''}` : undefined;
    const first = key ? byKey.get(key) : undefined;
    const clash = first?.values.some((a) =>
      row.values.some((b) => b.period === a.period && b.raw !== a.raw && b.status !== 'empty' && a.status !== 'empty'),
    );
    if (!first || clash) {
      const shown: ShownRow = { ...row, values: [...row.values] };
      out.push(shown);
      if (key && !first) byKey.set(key, shown);
      continue;
    }
    first.places ??= [{ uri: first.uri, range: first.range, label: first.label }];
    first.places.push({ uri: row.uri, range: row.range, label: row.label });
    for (const v of row.values) {
      const i = first.values.findIndex((a) => a.period === v.period);
      if (i < 0) first.values.push(v);
      else if (first.values[i].status === 'empty') first.values[i] = v;
    }
  }
  return out;
}

/** Fills in missing arrays and fields so that rendering never trips over a partial model. */
function normalizeModel(raw: unknown): ReportModel | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Partial<ReportModel>;
  return {
    ...m,
    uri: str(m.uri),
    locale: str(m.locale) || 'en',
    periods: arr<unknown>(m.periods).map(str),
    kpiGroups: arr<ReportKpiGroup>(m.kpiGroups).map((g) => ({
      ...g,
      aspect: str(g?.aspect),
      title: str(g?.title),
      rows: mergeSameKpi(
        arr<ReportKpiRow>(g?.rows).map((r) => ({
          ...r,
          name: str(r?.name),
          label: str(r?.label),
          values: arr<ReportValue>(r?.values).map((v) => ({
            ...v,
            period: str(v?.period),
            raw: str(v?.raw),
            checks: arr(v?.checks),
          })),
        })),
      ),
    })),
    ghg: arr(m.ghg),
    scope3: arr<ReportModel['scope3'][number]>(m.scope3).map((c) => ({
      ...c,
      category: num(c?.category) ?? 0,
      name: str(c?.name),
      values: c?.values && typeof c.values === 'object' ? c.values : {},
    })),
    requirements: arr<ReportRequirement>(m.requirements).map((r) => ({
      ...r,
      id: str(r?.id),
      title: str(r?.title),
      places: arr(r?.places),
    })),
    coverage: { parts: arr(m.coverage?.parts), summary: str(m.coverage?.summary), context: str(m.coverage?.context) },
    checks: { total: num(m.checks?.total) ?? 0, disagree: num(m.checks?.disagree) ?? 0 },
    linked: arr<ReportLinked>(m.linked).map((l) => ({
      kind: l?.kind === 'previous' ? 'previous' : 'translation',
      path: str(l?.path),
      uri: str(l?.uri),
      language: str(l?.language),
      figures: l?.figures && typeof l.figures === 'object' ? l.figures : {},
    })),
  };
}

const LINKED_VERDICTS: readonly LinkedVerdict[] = ['same', 'different', 'units', 'not-comparable', 'restated'];
const LINKED_MARK: Record<LinkedVerdict, string> = {
  same: '=',
  different: '≠',
  units: '≠',
  'not-comparable': '·',
  restated: '↺',
};

/** A linked report's figure for a KPI and period, if it is well formed (the model comes from outside the page). */
function linkedFigure(link: ReportLinked, kpiId: string | undefined, period: string): ReportLinkedFigure | undefined {
  if (!kpiId) return undefined;
  const key = `${kpiId}@${period}`;
  if (!Object.prototype.hasOwnProperty.call(link.figures, key)) return undefined;
  const f = link.figures[key] as Partial<ReportLinkedFigure> | undefined;
  if (!f || typeof f.raw !== 'string' || !LINKED_VERDICTS.includes(f.verdict as LinkedVerdict)) return undefined;
  return { raw: f.raw, verdict: f.verdict as LinkedVerdict, uri: str(f.uri), range: f.range as Range };
}

// ---------------------------------------------------------------------------------------------
// Messages to the extension

function reveal(uri: string | undefined, range: Range | undefined): void {
  if (!uri || !isRange(range)) return;
  vscode.postMessage({ type: 'reveal', uri, range } satisfies FromPreviewMessage);
}

function exportKpis(format: 'csv' | 'json', action: 'copy' | 'save'): void {
  vscode.postMessage({ type: 'export', format, action } satisfies FromPreviewMessage);
}

// ---------------------------------------------------------------------------------------------
// Formatting

let numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
let smallNumberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
// Intensities in base units are tiny (0.2766 t per 10,000 CNY is 0.00002766 t/CNY): keep their digits.
const formatNumber = (n: number): string => (n !== 0 && Math.abs(n) < 1 ? smallNumberFormat : numberFormat).format(n);

function setLocale(tag: string): void {
  locale = uiLocale(tag);
  document.documentElement.lang = locale;
  numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  smallNumberFormat = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
}

const CHECK_MARK: Record<ReportValue['check'], string> = { agrees: '✓', disagrees: '✗', unchecked: '·' };

function rowKey(group: ReportKpiGroup, row: ReportKpiRow, index: number): string {
  return `${group.aspect}|${row.kpiId ?? row.label}|${index}`;
}

// ---------------------------------------------------------------------------------------------
// Header: title, counts, export buttons, tabs

function renderHeader(m: ReportModel): HTMLElement {
  const title = m.title || m.issuer || m.uri.split('/').pop() || 'esgmark';
  const checks =
    m.checks.total > 0
      ? h(
          'span',
          { class: `chip ${m.checks.disagree > 0 ? 'chip-bad' : 'chip-good'}` },
          t('checksSummary', { total: m.checks.total, disagree: m.checks.disagree }),
        )
      : null;
  const coverage = m.coverage.summary ? h('span', { class: 'chip' }, m.coverage.summary) : null;

  const toolbar = h(
    'div',
    { class: 'toolbar', attrs: { role: 'toolbar' } },
    button(
      { class: 'secondary', onClick: () => exportKpis('csv', 'copy'), dataset: { export: 'csv-copy' } },
      t('copyCsv'),
    ),
    button(
      { class: 'secondary', onClick: () => exportKpis('csv', 'save'), dataset: { export: 'csv-save' } },
      t('saveCsv'),
    ),
    button(
      { class: 'secondary', onClick: () => exportKpis('json', 'save'), dataset: { export: 'json-save' } },
      t('saveJson'),
    ),
  );

  const tabs = h('div', { class: 'tabs', attrs: { role: 'tablist' } });
  for (const tab of ['kpis', 'coverage'] as const) {
    const selected = state.tab === tab;
    const tabButton = button(
      {
        class: `tab${selected ? ' active' : ''}`,
        attrs: {
          role: 'tab',
          id: `tab-${tab}`,
          'aria-selected': String(selected),
          'aria-controls': `panel-${tab}`,
          tabindex: selected ? 0 : -1,
        },
        onClick: () => switchTab(tab),
      },
      t(tab === 'kpis' ? 'tabKpis' : 'tabCoverage'),
    );
    tabButton.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        switchTab(state.tab === 'kpis' ? 'coverage' : 'kpis');
        document.getElementById(`tab-${state.tab}`)?.focus();
      }
    });
    tabs.appendChild(tabButton);
  }

  return h(
    'header',
    { class: 'header' },
    h('div', { class: 'title-line' }, h('h1', {}, title), h('div', { class: 'chips' }, checks, coverage)),
    m.issuer && m.title ? h('div', { class: 'issuer' }, m.issuer) : null,
    h('div', { class: 'bar' }, tabs, toolbar),
  );
}

function switchTab(tab: Tab): void {
  if (state.tab === tab) return;
  state.scroll[state.tab] = window.scrollY;
  state.tab = tab;
  saveState();
  for (const t of ['kpis', 'coverage'] as const) {
    const selected = t === tab;
    const tabButton = document.getElementById(`tab-${t}`);
    tabButton?.classList.toggle('active', selected);
    tabButton?.setAttribute('aria-selected', String(selected));
    tabButton?.setAttribute('tabindex', selected ? '0' : '-1');
    const panel = document.getElementById(`panel-${t}`);
    if (panel) panel.hidden = !selected;
  }
  window.scrollTo(0, state.scroll[tab]);
}

// ---------------------------------------------------------------------------------------------
// KPIs tab

function collapsible(key: string, heading: HTMLElement[], body: HTMLElement, count?: number): HTMLElement {
  const collapsed = state.collapsed.includes(key);
  const bodyId = `group-${key.replace(/[^\w-]/g, '_')}`;
  body.id = bodyId;
  body.hidden = collapsed;
  const toggle = button(
    { class: 'group-toggle', attrs: { 'aria-expanded': String(!collapsed), 'aria-controls': bodyId } },
    h('span', { class: 'twistie', attrs: { 'aria-hidden': 'true' } }),
    ...heading,
    count === undefined ? null : h('span', { class: 'count' }, String(count)),
  );
  toggle.addEventListener('click', () => {
    const nowCollapsed = !body.hidden;
    body.hidden = nowCollapsed;
    toggle.setAttribute('aria-expanded', String(!nowCollapsed));
    state.collapsed = nowCollapsed
      ? [...state.collapsed.filter((k) => k !== key), key]
      : state.collapsed.filter((k) => k !== key);
    saveState();
  });
  return h(
    'section',
    { class: `group${collapsed ? ' collapsed' : ''}`, dataset: { group: key } },
    h('h2', {}, toggle),
    body,
  );
}

function valueTitle(row: ReportKpiRow, v: ReportValue): string {
  const lines = [`${v.period}: ${v.raw}${row.unit ? ` ${row.unit}` : ''}`];
  if (v.normalized !== undefined && usefulBaseUnit(row))
    lines.push(`${t('normalized')}: ${formatNumber(v.normalized)} ${row.normalizedUnit}`);
  if (v.status === 'none') lines.push(t('valueNone'));
  if (v.status === 'bad') lines.push(t('valueBad'));
  lines.push(t(v.check === 'agrees' ? 'agrees' : v.check === 'disagrees' ? 'disagrees' : 'unchecked'));
  for (const c of v.checks) lines.push(`${c.ok ? '✓' : '✗'} ${c.formula} → ${t('computed')} ${c.computed}`);
  return lines.join('\n');
}

function badge(v: ReportValue, onToggle?: () => void, expanded?: boolean): HTMLElement {
  const text = CHECK_MARK[v.check] ?? '·';
  const name = t(v.check === 'agrees' ? 'agrees' : v.check === 'disagrees' ? 'disagrees' : 'unchecked');
  const cls = `badge badge-${v.check}`;
  if (!onToggle) return h('span', { class: cls, title: name, attrs: { 'aria-label': name } }, text);
  return button(
    {
      class: cls,
      title: `${name} — ${t('showChecks')}`,
      attrs: { 'aria-label': name, 'aria-expanded': String(!!expanded) },
      onClick: onToggle,
    },
    text,
  );
}

/** 'm³' and 'm3', 'tCO2e' and 'tco2e' are the same unit; only a real conversion is worth a hint. */
function sameUnit(a: string | undefined, b: string | undefined): boolean {
  const simple = (u: string | undefined): string =>
    (u ?? '').replace(/³/g, '3').replace(/²/g, '2').replace(/\s+/g, '').toLowerCase();
  return simple(a) === simple(b);
}

/** Whether the base unit tells a reader something: not for a mere respelling, nor for % → 1. */
function usefulBaseUnit(row: ReportKpiRow): boolean {
  return !!row.normalizedUnit && row.normalizedUnit !== '1' && !sameUnit(row.normalizedUnit, row.unit);
}

function showsNormalized(row: ReportKpiRow, v: ReportValue): boolean {
  return usefulBaseUnit(row) && v.normalized !== undefined && v.normalized !== v.value;
}

/** 'in 2 places: 總耗水量 · 耗水量': each a link to its row, for a KPI reported in more than one table. */
function placesOf(row: ShownRow): HTMLElement | null {
  const places = row.places;
  if (!places || places.length < 2) return null;
  const list = h('span', { class: 'kpi-places' }, t('places', { count: places.length }));
  places.forEach((place, i) => {
    if (i > 0) list.appendChild(document.createTextNode(' · '));
    list.appendChild(
      button(
        { class: 'link place', title: t('revealHint'), onClick: () => reveal(place.uri, place.range) },
        place.label || String(i + 1),
      ),
    );
  });
  return list;
}

function renderKpiTable(group: ReportKpiGroup, periods: string[]): HTMLElement {
  const anyTrend = group.rows.some((r) => trendPoints(r).length >= 2);
  const table = h('table', { class: 'kpis' });
  const head = h('tr', {}, h('th', { class: 'col-name', attrs: { scope: 'col' } }, t('indicator')));
  for (const p of periods) head.appendChild(h('th', { class: 'col-period', attrs: { scope: 'col' } }, p));
  // One column per linked report (another language version, last year's report), when it states any of these KPIs.
  const links = (model?.linked ?? []).filter((link) =>
    group.rows.some((row) => periods.some((p) => linkedFigure(link, row.kpiId, p))),
  );
  for (const link of links)
    head.appendChild(
      h(
        'th',
        { class: `col-linked linked-${link.kind}`, title: link.path, attrs: { scope: 'col' } },
        link.kind === 'previous' ? t('linkedPrevious') : t('linkedTranslation', { language: link.language }),
      ),
    );
  if (anyTrend) head.appendChild(h('th', { class: 'col-trend', attrs: { scope: 'col' } }, t('trend')));
  append(table, h('thead', {}, head));

  const body = h('tbody');
  group.rows.forEach((row, index) => {
    const key = rowKey(group, row, index);
    const expanded = state.expanded.includes(key);
    const byPeriod = new Map(row.values.map((v) => [v.period, v]));
    const withChecks = row.values.some((v) => v.checks.length > 0);

    const nameCell = h(
      'th',
      { class: 'col-name', attrs: { scope: 'row' } },
      button(
        {
          class: 'link kpi-name',
          title: `${t('revealHint')}${row.label && row.label !== row.name ? `\n${row.label}` : ''}`,
          onClick: () => reveal(row.uri, row.range),
        },
        row.name || row.label || row.kpiId || '—',
      ),
      row.kpiId || row.unit || row.unrecognised
        ? h(
            'span',
            { class: 'meta' },
            row.kpiId ? h('code', {}, row.kpiId) : null,
            row.unrecognised ? h('span', { class: 'unrecognised', title: t('unrecognised') }, '?') : null,
            row.unit
              ? h(
                  'span',
                  {
                    class: 'unit',
                    title: row.normalizedUnit ? `${t('normalized')}: ${row.normalizedUnit}` : undefined,
                  },
                  row.unit,
                )
              : null,
            usefulBaseUnit(row) ? h('span', { class: 'unit-normalized' }, `→ ${row.normalizedUnit}`) : null,
          )
        : null,
      placesOf(row),
    );
    const tr = h('tr', { class: 'kpi-row', dataset: { kpi: row.kpiId ?? '' } }, nameCell);

    const toggle = (): void => {
      state.expanded = state.expanded.includes(key)
        ? state.expanded.filter((k) => k !== key)
        : [...state.expanded, key];
      saveState();
      render();
    };

    for (const p of periods) {
      const v = byPeriod.get(p);
      if (!v) {
        tr.appendChild(h('td', { class: 'col-period empty' }));
        continue;
      }
      const cell = h(
        'td',
        { class: `col-period value-${v.status} check-${v.check}` },
        h(
          'span',
          { class: 'figure-line' },
          button(
            {
              class: 'link figure',
              title: valueTitle(row, v),
              dataset: { period: v.period },
              onClick: () => reveal(v.uri, v.range),
            },
            v.raw || '—',
          ),
          badge(v, v.checks.length > 0 ? toggle : undefined, expanded),
        ),
        showsNormalized(row, v)
          ? h('span', { class: 'normalized' }, `${formatNumber(v.normalized!)} ${row.normalizedUnit}`)
          : null,
      );
      tr.appendChild(cell);
    }

    for (const link of links) tr.appendChild(linkedCell(link, row, periods));

    if (anyTrend) {
      const points = trendPoints(row);
      const name = row.name || row.label;
      tr.appendChild(
        h(
          'td',
          { class: 'col-trend' },
          points.length >= 2
            ? sparkline(
                charts,
                points,
                palette,
                t('chartSummary', {
                  name,
                  values: points.map((p) => `${p.period} ${formatNumber(p.value)}`).join(', '),
                }),
                formatNumber,
              )
            : null,
        ),
      );
    }
    body.appendChild(tr);

    if (expanded && withChecks) {
      const list = h('ul', { class: 'check-list' });
      for (const v of row.values) {
        for (const c of v.checks) {
          const item = h(
            'li',
            { class: c.ok ? 'check-ok' : 'check-failed' },
            h(
              'span',
              { class: `badge badge-${c.ok ? 'agrees' : 'disagrees'}`, attrs: { 'aria-hidden': 'true' } },
              c.ok ? '✓' : '✗',
            ),
            h('span', { class: 'check-period' }, v.period),
            h('code', { class: 'formula' }, c.formula),
            h('span', { class: 'check-values' }, `${t('computed')} ${c.computed} · ${t('reported')} ${v.raw}`),
          );
          if (!c.ok) {
            item.appendChild(
              button(
                { class: 'link reveal-check', title: t('revealHint'), onClick: () => reveal(v.uri, v.range) },
                '↗',
              ),
            );
          }
          list.appendChild(item);
        }
      }
      body.appendChild(
        h(
          'tr',
          { class: 'checks-row' },
          h('td', { attrs: { colspan: periods.length + 1 + links.length + (anyTrend ? 1 : 0) } }, list),
        ),
      );
    }
  });
  append(table, body);
  return h('div', { class: 'table-wrap' }, table);
}

/** A linked report's figures of a row, one line per period, each marked with how it compares; a click reveals it there. */
function linkedCell(link: ReportLinked, row: ReportKpiRow, periods: string[]): HTMLElement {
  const lines: HTMLElement[] = [];
  for (const p of periods) {
    const f = linkedFigure(link, row.kpiId, p);
    if (!f) continue;
    const verdict = t(`linked.${f.verdict}`);
    lines.push(
      h(
        'span',
        { class: `linked-line linked-${f.verdict}`, dataset: { period: p } },
        h('span', { class: 'linked-period' }, p),
        button(
          {
            class: 'link linked-figure',
            title: `${link.path}\n${p}: ${f.raw}\n${verdict}`,
            onClick: () => reveal(f.uri, f.range),
          },
          f.raw,
        ),
        h(
          'span',
          { class: `badge linked-badge linked-${f.verdict}`, title: verdict, attrs: { 'aria-label': verdict } },
          LINKED_MARK[f.verdict],
        ),
      ),
    );
  }
  const differs = lines.some((l) => /linked-(different|units)\b/.test(l.className));
  return h('td', { class: `col-linked${differs ? ' linked-differs' : ''}` }, ...lines);
}

function trendPoints(row: ReportKpiRow): Point[] {
  const numeric = row.values.filter((v) => v.status === 'number' && num(v.value) !== undefined);
  const byPeriod = new Map(numeric.map((v) => [v.period, v.value!]));
  return chronological([...byPeriod.keys()]).map((period) => ({ period, value: byPeriod.get(period)! }));
}

/** The group's period columns: the report's order first, then any period only this group has. */
function groupPeriods(m: ReportModel, group: ReportKpiGroup): string[] {
  const used = new Set(group.rows.flatMap((r) => r.values.map((v) => v.period)));
  const ordered = m.periods.filter((p) => used.has(p));
  for (const p of used) if (!ordered.includes(p)) ordered.push(p);
  return ordered;
}

function renderDisagreements(m: ReportModel): HTMLElement | null {
  const items: HTMLElement[] = [];
  for (const group of m.kpiGroups) {
    for (const row of group.rows) {
      for (const v of row.values) {
        if (v.check !== 'disagrees') continue;
        const failed = v.checks.filter((c) => !c.ok);
        items.push(
          h(
            'li',
            {},
            button(
              { class: 'link failed-check', title: t('revealHint'), onClick: () => reveal(v.uri, v.range) },
              h('span', { class: 'badge badge-disagrees', attrs: { 'aria-hidden': 'true' } }, '✗'),
              `${row.name || row.label} (${v.period}): ${v.raw}`,
            ),
            ...failed.map((c) =>
              h(
                'div',
                { class: 'failed-detail' },
                h('code', { class: 'formula' }, c.formula),
                ` → ${t('computed')} ${c.computed}`,
              ),
            ),
          ),
        );
      }
    }
  }
  if (items.length === 0) return null;
  const body = h('div', { class: 'group-body' }, h('ul', { class: 'disagreements' }, ...items));
  return collapsible(
    'disagreements',
    [h('span', { class: 'group-title' }, t('disagreementsTitle'))],
    body,
    items.length,
  );
}

function renderGhg(m: ReportModel): HTMLElement | null {
  const ghg = m.ghg.filter(
    (g) => g && (num(g.scope1) !== undefined || num(g.scope2) !== undefined || num(g.scope3) !== undefined),
  );
  const scope3 = m.scope3.filter((c) => Object.values(c.values).some((v) => num(v) !== undefined));
  if (ghg.length === 0 && scope3.length === 0) return null;
  const body = h('div', { class: 'group-body charts' });
  if (ghg.length > 0) {
    body.appendChild(
      h(
        'figure',
        { class: 'chart-card' },
        h('figcaption', {}, t('ghgTitle'), h('span', { class: 'chart-unit' }, t('tco2e'))),
        ghgChart(
          charts,
          ghg.map((g) => ({
            period: str(g.period),
            scope1: num(g.scope1),
            scope2: num(g.scope2),
            scope3: num(g.scope3),
          })),
          palette,
          { title: t('ghgTitle'), scopes: [t('scope1'), t('scope2'), t('scope3')], unit: t('tco2e'), total: 'Σ' },
          formatNumber,
        ),
      ),
    );
  }
  if (scope3.length > 0) {
    body.appendChild(
      h(
        'figure',
        { class: 'chart-card wide' },
        h('figcaption', {}, t('scope3Title'), h('span', { class: 'chart-unit' }, t('tco2e'))),
        scope3Chart(charts, scope3, palette, { title: t('scope3Title'), unit: t('tco2e') }, formatNumber),
      ),
    );
  }
  return collapsible('ghg', [h('span', { class: 'group-title' }, t('ghgSection'))], body);
}

function renderKpis(m: ReportModel): HTMLElement {
  const panel = h('div', {
    class: 'panel',
    attrs: { id: 'panel-kpis', role: 'tabpanel', 'aria-labelledby': 'tab-kpis' },
  });
  panel.hidden = state.tab !== 'kpis';
  append(panel, renderDisagreements(m), renderGhg(m));
  const groups = m.kpiGroups.filter((g) => g.rows.length > 0);
  if (groups.length === 0) panel.appendChild(h('p', { class: 'placeholder' }, t('noKpis')));
  for (const group of groups) {
    const aspect = group.aspect === 'other' ? '' : group.aspect;
    const heading = [
      aspect ? h('span', { class: 'aspect' }, aspect) : null,
      h('span', { class: 'group-title' }, group.title || (group.aspect === 'other' ? t('groupOther') : group.aspect)),
    ].filter((x): x is HTMLSpanElement => x !== null);
    panel.appendChild(
      collapsible(
        `kpi-${group.aspect}`,
        heading,
        h('div', { class: 'group-body' }, renderKpiTable(group, groupPeriods(m, group))),
        group.rows.length,
      ),
    );
  }
  return panel;
}

// ---------------------------------------------------------------------------------------------
// Coverage tab

const STATUSES: CoverageStatus[] = ['disclosed', 'explained', 'missing', 'deleted-claimed', 'not-required'];
const OBLIGATIONS = ['mandatory', 'comply-or-explain', 'voluntary', 'deleted'] as const;

function select(
  key: string,
  name: string,
  value: string,
  options: [string, string][],
  onChange: (value: string) => void,
): HTMLElement {
  const el = h('select', { attrs: { 'aria-label': name }, dataset: { filter: key } });
  for (const [v, text] of options) {
    const option = h('option', { attrs: { value: v } }, text);
    option.selected = v === value;
    el.appendChild(option);
  }
  el.addEventListener('change', () => onChange(el.value));
  return h('label', { class: 'filter' }, h('span', {}, name), el);
}

function renderCoverage(m: ReportModel): HTMLElement {
  const panel = h('div', {
    class: 'panel',
    attrs: { id: 'panel-coverage', role: 'tabpanel', 'aria-labelledby': 'tab-coverage' },
  });
  panel.hidden = state.tab !== 'coverage';

  const parts = h('div', { class: 'parts' });
  for (const p of m.coverage.parts) {
    const addressed = num(p.addressed) ?? 0;
    const required = num(p.required) ?? 0;
    const bar = h('span', { class: 'meter-fill' });
    // Width via CSSOM: allowed under the CSP (only style attributes and elements are blocked).
    bar.style.width = `${required > 0 ? Math.min(100, (addressed / required) * 100) : 100}%`;
    parts.appendChild(
      h(
        'div',
        { class: `part${addressed < required ? ' incomplete' : ''}`, dataset: { part: str(p.part) } },
        h('span', { class: 'part-name' }, t(`part${str(p.part)}` as LabelKey)),
        h('span', { class: 'part-count' }, `${addressed}/${required}`),
        h(
          'span',
          {
            class: 'meter',
            attrs: { role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': required, 'aria-valuenow': addressed },
          },
          bar,
        ),
      ),
    );
  }

  const filters = state.filters;
  const rows = m.requirements.filter(
    (r) =>
      (filters.part === 'all' || r.part === filters.part) &&
      (filters.obligation === 'all' || r.obligation === filters.obligation) &&
      (filters.status === 'all' || r.status === filters.status),
  );
  const statusCounts = STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );

  const refilter = (key: keyof ViewState['filters']) => (value: string) => {
    state.filters = { ...state.filters, [key]: value };
    saveState();
    render();
  };
  const filterBar = h(
    'div',
    { class: 'filters' },
    select(
      'part',
      t('part'),
      filters.part,
      [
        ['all', t('all')],
        ['B', t('partB')],
        ['C', t('partC')],
        ['D', t('partD')],
      ],
      refilter('part'),
    ),
    select(
      'obligation',
      t('obligation'),
      filters.obligation,
      [['all', t('all')], ...OBLIGATIONS.map((o): [string, string] => [o, t(`obligation.${o}`)])],
      refilter('obligation'),
    ),
    select(
      'status',
      t('status'),
      filters.status,
      [['all', t('all')], ...STATUSES.map((s): [string, string] => [s, t(`status.${s}`)])],
      refilter('status'),
    ),
    h(
      'span',
      { class: 'status-counts' },
      ...statusCounts.map(([s, n]) => h('span', { class: `status status-${s}` }, `${t(`status.${s}`)} ${n}`)),
    ),
  );

  append(
    panel,
    h(
      'div',
      { class: 'coverage-summary' },
      m.coverage.summary ? h('p', { class: 'summary' }, m.coverage.summary) : null,
      parts,
    ),
    m.coverage.context ? h('p', { class: 'coverage-context' }, m.coverage.context) : null,
    filterBar,
  );

  if (rows.length === 0) {
    panel.appendChild(h('p', { class: 'placeholder' }, t('noRequirements')));
    return panel;
  }
  const table = h('table', { class: 'requirements' });
  append(
    table,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { attrs: { scope: 'col' } }, 'ID'),
        h('th', { attrs: { scope: 'col' } }, t('requirement')),
        h('th', { attrs: { scope: 'col' } }, t('obligation')),
        h('th', { attrs: { scope: 'col' } }, t('status')),
        h('th', { attrs: { scope: 'col' } }, t('where')),
      ),
    ),
  );
  const body = h('tbody');
  for (const r of rows) {
    const where = h('div', { class: 'places' });
    for (const place of arr<ReportRequirement['places'][number]>(r.places)) {
      where.appendChild(
        button(
          { class: 'link place', title: t('revealHint'), onClick: () => reveal(place.uri, place.range) },
          str(place.label),
        ),
      );
    }
    if (r.explanation) {
      const text = str(r.explanation.text);
      const explanation = r.explanation;
      where.appendChild(
        button(
          { class: 'link explanation', title: text, onClick: () => reveal(explanation.uri, explanation.range) },
          `${t('explanation')}: ${text.length > 90 ? `${text.slice(0, 90)}…` : text}`,
        ),
      );
    }
    body.appendChild(
      h(
        'tr',
        { class: `req status-row-${str(r.status)}`, dataset: { requirement: r.id } },
        h('th', { attrs: { scope: 'row' } }, h('code', {}, r.id)),
        h('td', {}, r.title),
        h('td', { class: 'obligation' }, t(`obligation.${str(r.obligation)}` as LabelKey)),
        h('td', {}, h('span', { class: `status status-${str(r.status)}` }, t(`status.${str(r.status)}` as LabelKey))),
        h('td', {}, where),
      ),
    );
  }
  append(table, body);
  panel.appendChild(h('div', { class: 'table-wrap' }, table));
  return panel;
}

// ---------------------------------------------------------------------------------------------
// Rendering

let restoredScroll = false;

function render(): void {
  if (!model) return;
  const m = model;
  setLocale(m.locale);
  // The new tree is built off-document and swapped in at once, so the page never shows a half state and
  // the scroll position can be put back before the next paint.
  const scrollY = restoredScroll ? window.scrollY : state.scroll[state.tab];
  let content: Node[];
  try {
    content = [renderHeader(m), renderKpis(m), renderCoverage(m)];
    charts.commit();
  } catch (error) {
    charts.clear();
    content = [
      h(
        'p',
        { class: 'placeholder error' },
        t('renderError', { message: error instanceof Error ? error.message : String(error) }),
      ),
    ];
  }
  root.replaceChildren(...content);
  window.scrollTo(0, scrollY);
  restoredScroll = true;
}

window.addEventListener('message', (event: MessageEvent) => {
  // Checked field by field: `ToPreviewMessage` is what the extension sends, not what arrives.
  const message = event.data as Partial<Record<keyof ToPreviewMessage, unknown>> | null;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'update') {
    const next = normalizeModel(message.model);
    if (!next) return;
    model = next;
    render();
  }
});

let scrollScheduled = false;
window.addEventListener('scroll', () => {
  if (scrollScheduled || !restoredScroll) return;
  scrollScheduled = true;
  requestAnimationFrame(() => {
    scrollScheduled = false;
    state.scroll[state.tab] = window.scrollY;
    saveState();
  });
});

watchTheme((next) => {
  palette = next;
  // Every chart's key includes the palette, so this redraws all charts and keeps the rest as is.
  render();
});

vscode.postMessage({ type: 'ready' });
