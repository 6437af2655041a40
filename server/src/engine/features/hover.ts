// Hover: a requirement's full text, obligation for this issuer and year, and where the report
// addresses it; a KPI row's catalog entry.
import type { Analysis } from '../analysis';
import type { Position } from '../types';
import type { Hover } from './types';
import { getFramework } from '../catalogs/hkex';
import { getKpi } from '../catalogs/kpis';
import { getUnit } from '../catalogs/units';
import { describeKpiId } from '../recognition/labels';
import { localized, t, tFromKey, type MessageKey } from '../i18n';
import { describeContext, isDeletedIn, obligationIn } from '../context';
import { contextOf, disclosures, facts, checksAt } from '../derived';
import { targetAt } from './navigation';
import type { KpiRow, KpiValue } from '../model';
import { printLike } from '../numbers/checks';
import { baseUnitName, DIMENSIONLESS, midpoint, sameDim } from '../numbers/quantity';
import { getItem, getPack, HKEX_FRAMEWORK_ID, itemsFor, mappedIds, versionFor } from '../catalogs/frameworks';
import { packIndexTables, packTags, GRI_PACK, type PackRef } from '../recognition/packIndex';
import type { EsgDocument } from '../model';
import { fyLabel } from '../context';
import { frameworkCoverageOf, packSeverity, SHORT_NAMES } from './coverage';
import { FRAMEWORK_IDS } from '../catalogs/frameworks';
import { lineText } from './edits';
import type { Range } from '../types';
import { ashareHoverAt } from './hoverAshare';

export function hoverAt(analysis: Analysis, pos: Position): Hover | undefined {
  const doc = analysis.model;
  const packRef = packRefAt(doc, pos);
  if (packRef) return packHover(analysis, packRef);
  const claimed = frameworkEntryAt(doc, pos);
  if (claimed) return frameworkHover(analysis, claimed.id, claimed.range);
  const ashare = ashareHoverAt(analysis, pos);
  if (ashare) return ashare;
  const target = targetAt(doc, pos);
  if (!target) return undefined;
  const locale = analysis.locale;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(locale, key, args);
  if (target.kind === 'ref') {
    const framework = getFramework(doc.config.framework);
    const req = target.ref.known ? framework?.get(target.ref.id) : undefined;
    if (!framework || !req) return { contents: say('hkex.unknownId', { id: target.ref.raw }), range: target.ref.range };
    const rc = contextOf(doc, analysis.options).reporting;
    const obligation = obligationIn(framework, req.id, rc);
    const lines = [
      `**${req.id}** — ${localized(req.title, locale)}`,
      '',
      `*${say(`part.${req.part}`)} · ${localized(req.aspectTitle, locale)}*`,
      '',
      localized(req.text, locale).replace(/\n/g, '  \n'),
      '',
      `**${say('hover.obligation')}**: ${say(`obligation.${obligation}`)} (${say(`issuerClass.${rc.issuerClass}`)})`,
      '',
      `**${say('hover.year')}**: ${describeContext(rc, locale)}`,
    ];
    if (req.deletedFrom && isDeletedIn(framework, req.id, rc))
      lines.push('', say('hover.deletedFrom', { date: req.deletedFrom }));
    else {
      const ev = disclosures(doc).get(req.id);
      const where: string[] = [];
      for (const s of ev?.sections ?? []) where.push(`[${s.heading.title}](#${s.heading.anchor})`);
      for (const r of ev?.kpiRows ?? []) where.push(say('hover.kpiRow', { label: r.label }));
      for (const r of ev?.indexRows ?? [])
        if (!where.length)
          where.push(
            `${r.target.kind === 'links' ? r.target.links.map((l) => l.text).join(' ') : r.target.kind === 'titles' ? r.target.titles.map((x) => x.text).join(' ') : r.target.kind === 'place' ? r.target.text : ''}`,
          );
      const status = where.length
        ? say('hover.disclosedIn', { where: [...new Set(where)].slice(0, 6).join(', ') })
        : ev?.explanations.length
          ? say('hover.explained', { text: ev.explanations[0].text.slice(0, 200) })
          : say('hover.notDisclosed');
      lines.push('', `**${say('hover.status')}**: ${status}`);
    }
    // The other frameworks' ids a cross-map pairs with this paragraph (HKEX D28(a) <-> IFRS S2 29(a)(i)(1)).
    const mapped = mappedLines(analysis, HKEX_FRAMEWORK_ID, req.id);
    if (mapped.length) lines.push('', ...mapped);
    return { contents: lines.join('\n'), range: target.ref.range };
  }
  if (target.kind === 'value') return valueHover(analysis, target.row, target.value);
  if (target.kind === 'kpi' && target.row.kpiId) {
    const kpi = getKpi(target.row.kpiId);
    const lines = [`**${say('hover.kpi')}** \`${target.row.kpiId}\`${kpi ? ` — ${localized(kpi.names, locale)}` : ''}`];
    if (kpi) {
      if (kpi.discloses.length) lines.push('', `**${say('hover.discloses')}**: ${kpi.discloses.join(', ')}`);
      if (kpi.unit) lines.push('', `**${say('hover.unit')}**: ${kpi.unit}`);
    }
    const isPart = /\.(?:part|cross)\.open-[0-9a-z]+$/.test(target.row.kpiId);
    const described = describeKpiId(target.row.kpiId);
    const parent = described ? getKpi(described.base) : undefined;
    if (parent && described) {
      const args = { parent: localized(parent.names, locale), id: parent.id, group: target.row.group ?? '' };
      if (isPart) lines.push('', say('hover.part', args));
      else if (described.kind === 'member') lines.push('', say('hover.openMember', args));
      else if (described.kind === 'intensity') {
        const key = `hover.basis.${described.basis}`;
        const basis = tFromKey(locale, key);
        lines.push('', say('hover.described.intensity', { ...args, basis: basis === key ? described.basis! : basis }));
      } else lines.push('', say(`hover.described.${described.kind}`, args));
    }
    if (target.row.kpiIdSource === 'catalog') lines.push('', `*${say('hover.recognisedBy')}*`);
    return { contents: lines.join('\n'), range: target.row.labelRange };
  }
  if (target.kind === 'kpi' && !target.row.isCaption && target.row.values.some((v) => v.value !== undefined)) {
    // An unrecognised metric row stays visible: its figures feed no check.
    return {
      contents: [`**${target.row.label}**`, '', say('hover.unrecognised')].join('\n'),
      range: target.row.labelRange,
    };
  }
  return undefined;
}

/** A figure: its KPI, unit, value in base units, and every check it takes part in with the result. */
function valueHover(analysis: Analysis, row: KpiRow, value: KpiValue): Hover {
  const locale = analysis.locale;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(locale, key, args);
  const doc = analysis.model;
  const fact = facts(doc).at(value.range.start);
  const kpi = row.kpiId ? getKpi(row.kpiId) : undefined;
  const lines = [
    `**${row.label}**${row.kpiId ? ` \`${row.kpiId}\`` : ''}${kpi ? ` — ${localized(kpi.names, locale)}` : ''}`,
    '',
  ];
  lines.push(`**${say('hover.value')}** (${value.period}): ${value.raw}${row.unit ? ` ${row.unit.raw}` : ''}`);
  // A KPI counted in days (lost days, B2.2) is not shown in hours: a day of work is not 24 hours.
  const countsDays = kpi?.dimension === 'time' && !!kpi.unit && ['d', '工作日'].includes(getUnit(kpi.unit)?.id ?? '');
  if (fact?.quantity && !countsDays) {
    // The value in the unit the checks compare in, written as people write units ('tCO2e', 'kWh',
    // 'CNY/m2'); a share is shown as a percentage, not as a bare ratio.
    const base = midpoint(fact.quantity.value);
    const shown = sameDim(fact.quantity.dim, DIMENSIONLESS)
      ? `${Number((base * 100).toPrecision(8))}%`
      : `${Number(base.toPrecision(8))} ${baseUnitName(fact.quantity.dim, doc.config.currency)}`;
    const printed = `${value.raw}${row.unit ? ` ${row.unit.raw}` : ''}`.replace(/[\s,]/g, '');
    // Nothing to add when the figure is already written in that unit.
    if (shown.replace(/[\s,]/g, '') !== printed) lines.push('', `${say('hover.normalised')}: ${shown}`);
  }
  const checks = checksAt(doc, locale, value.range.start.line, value.range.start.character);
  lines.push('', `**${say('hover.checks')}**:`);
  if (!checks.length) lines.push(`- ${say('hover.notChecked')}`);
  for (const c of checks)
    lines.push(
      `- ${c.ok ? '✓' : '✗'} ${c.formula} (${c.target.period}): ${printLike(c.target, c.computed)} / ${c.target.raw}`,
    );
  return { contents: lines.join('\n'), range: value.range };
}

function inRange(r: PackRef['range'], pos: Position): boolean {
  const afterStart = pos.line > r.start.line || (pos.line === r.start.line && pos.character >= r.start.character);
  const beforeEnd = pos.line < r.end.line || (pos.line === r.end.line && pos.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The framework id under the cursor: in a `gri=` / `issb=` / `hkfrs=` / `sasb=` / `ashare=` tag of the heading on that line, or a framework index row. */
function packRefAt(doc: EsgDocument, pos: Position): PackRef | undefined {
  const heading = doc.sections.find(
    (s) => s.heading.range.start.line <= pos.line && pos.line <= s.heading.range.end.line,
  );
  if (heading) return packTags(doc).find((t) => t.section === heading.index && inRange(t.range, pos));
  const table = doc.tables.find((t) => t.range.start.line <= pos.line && pos.line <= t.range.end.line);
  if (!table) return undefined;
  for (const index of packIndexTables(doc)) {
    if (index.table !== table.index) continue;
    for (const row of index.rows) for (const ref of row.refs) if (inRange(ref.range, pos)) return ref;
  }
  return undefined;
}

/** The frameworks hover shows cross-maps to, in this order. */
const MAPPED_FRAMEWORKS = [HKEX_FRAMEWORK_ID, 'ifrs-s2', 'hkfrs-s2', 'gri-2021'];

/** One line per framework a cross-map pairs the id with, naming the map's basis (published or derived). */
function mappedLines(analysis: Analysis, framework: string, id: string): string[] {
  const locale = analysis.locale;
  const out: string[] = [];
  for (const other of MAPPED_FRAMEWORKS) {
    if (other === framework || other === HKEX_FRAMEWORK_ID) continue;
    const found = mappedIds(framework, id, other);
    if (!found.length) continue;
    const basis = [...new Set(found.map((m) => m.map.basis))]
      .map((b) => t(locale, b === 'published' ? 'fw.hover.basis.published' : 'fw.hover.basis.derived'))
      .join(', ');
    const ids = [...new Set(found.map((m) => m.id))].join(', ');
    out.push(`- ${t(locale, 'fw.hover.mapped', { name: SHORT_NAMES[other] ?? other, basis, ids })}`);
  }
  return out;
}

/**
 * A framework id: the pack's short title, the version in force for the year, which severity applied and
 * why (the issuer profile and the dates), and the ids the cross-maps pair it with, both ways.
 */
function packHover(analysis: Analysis, ref: PackRef): Hover {
  const locale = analysis.locale;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(locale, key, args);
  const item = ref.known ? getItem(ref.pack, ref.id) : undefined;
  const pack = getPack(ref.pack);
  const name = SHORT_NAMES[ref.pack] ?? ref.pack;
  if (!item || !pack)
    return {
      contents:
        ref.pack === GRI_PACK
          ? say('gri.unknownId', { id: ref.raw })
          : say('fw.hover.unknownId', { id: ref.raw, name }),
      range: ref.range,
    };
  const doc = analysis.model;
  const rc = contextOf(doc, analysis.options).reporting;
  const fyStart = rc.fyStart;
  const version = versionFor(ref.pack, fyStart);
  const lines = [`**${name} ${item.id}** — ${localized(item.title, locale)}`, '', `*${localized(pack.title, locale)}*`];
  if (version) lines.push('', say('hover.pack.version', { fyStart, version: localized(version.title, locale) }));
  const inForce = version !== undefined && itemsFor(ref.pack, fyStart).some((i) => i.id === item.id);
  if (version && !inForce) {
    lines.push(
      '',
      item.until && item.successors?.length
        ? say('hover.pack.superseded', { successors: item.successors.join(', ') })
        : say('hover.pack.notInForce'),
    );
  }
  // Which rule applied: the framework's severity for this profile and year, and why.
  const applied = packSeverity(pack, doc, rc, locale);
  const severity = inForce ? applied.severity : 'not-in-force';
  lines.push(
    '',
    say('fw.hover.applies', { name, severity: say(`fw.severity.${severity}`), reason: applied.reason }),
    '',
    `**${say('hover.year')}**: ${fyLabel(rc, locale)} · ${say(`issuerClass.${rc.issuerClass}`)}`,
  );
  if (!doc.config.frameworks.includes(ref.pack)) lines.push('', say('fw.hover.notClaimed', { name }));
  // The cross-maps only suggest: each HKEX paragraph is named with the map it comes from and its basis.
  const mappedHkex = mappedIds(ref.pack, item.id, HKEX_FRAMEWORK_ID);
  const hkex = [...new Map(mappedHkex.map((m) => [m.id, `${m.id} (${m.map.id}, ${m.map.basis})`])).values()];
  lines.push('', `**${say('hover.pack.hkex')}**: ${hkex.length ? hkex.join(', ') : say('hover.pack.noHkex')}`);
  const mapped = mappedLines(analysis, ref.pack, item.id);
  if (mapped.length) lines.push('', ...mapped);
  return { contents: lines.join('\n'), range: ref.range };
}

/** A framework id in the front matter (`frameworks: [hkex-esg-2025, gri-2021]` or a `- gri-2021` item) under the cursor. */
function frameworkEntryAt(doc: EsgDocument, pos: Position): { id: string; range: Range } | undefined {
  const fm = doc.frontMatter;
  if (!fm || pos.line <= fm.range.start.line || pos.line >= fm.range.end.line) return undefined;
  const line = lineText(doc, pos.line);
  if (line.length > 2000) return undefined;
  for (const m of line.matchAll(/(?<![a-z0-9])[a-z][a-z0-9]*(?:-[a-z0-9]+)+/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (pos.character < start || pos.character > end || !FRAMEWORK_IDS.includes(m[0])) continue;
    return {
      id: m[0],
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } },
    };
  }
  return undefined;
}

/** A claimed framework: its title, the version in force, the severity for this profile and why, and its coverage counts. */
function frameworkHover(analysis: Analysis, id: string, range: Range): Hover | undefined {
  const coverage = frameworkCoverageOf(analysis, id);
  if (!coverage) return undefined;
  const locale = analysis.locale;
  const say = (key: MessageKey, args?: Record<string, string | number>) => t(locale, key, args);
  const rc = contextOf(analysis.model, analysis.options).reporting;
  const name = SHORT_NAMES[id] ?? id;
  const lines = [`**${coverage.title}** (\`${id}\`)`];
  if (coverage.version && id !== HKEX_FRAMEWORK_ID)
    lines.push('', say('hover.pack.version', { fyStart: rc.fyStart, version: coverage.version }));
  lines.push(
    '',
    say('fw.hover.applies', { name, severity: say(`fw.severity.${coverage.severity}`), reason: coverage.reason }),
    '',
    `**${say('hover.year')}**: ${fyLabel(rc, locale)} · ${say(`issuerClass.${rc.issuerClass}`)}`,
    '',
    say('fw.hover.status', { status: coverage.summary }),
  );
  return { contents: lines.join('\n'), range };
}
