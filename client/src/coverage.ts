// The 'HKEX Coverage' tree, in the esgmark container of the activity bar: every requirement of the HKEX ESG Reporting Code with its
// status for the report in view, Part -> aspect -> requirement. Clicking a requirement reveals where it is
// disclosed or explained; clicking a missing one offers the server's quick fixes for it.
import * as vscode from 'vscode';
import type {
  FrameworkCoverage,
  FrameworkItemCoverage,
  ReportModel,
  ReportRequirement,
} from '../../server/src/protocol';
import { revealInEditor } from './preview';
import type { ReportStore } from './reportStore';
import { reportLanguage, type Translator } from './reportLanguage';

export const COVERAGE_VIEW_ID = 'esgmark.coverage';
export const OPEN_REQUIREMENT_COMMAND = 'esgmark.coverage.openRequirement';
const ONLY_MISSING_CONTEXT = 'esgmark.coverage.onlyMissing';
export const REPORT_SEEN_CONTEXT = 'esgmark.reportSeen';
const FILTER_STATE_KEY = 'esgmark.coverage.filters';

type Part = 'B' | 'C' | 'D';
type Obligation = ReportRequirement['obligation'];
const PARTS: Part[] = ['B', 'C', 'D'];
const OBLIGATIONS: Obligation[] = ['mandatory', 'comply-or-explain', 'voluntary', 'deleted'];

export interface CoverageFilters {
  parts: Part[];
  obligations: Obligation[];
  onlyMissing: boolean;
}

export type CoverageNode =
  | { kind: 'part'; part: Part; requirements: ReportRequirement[] }
  | { kind: 'aspect'; part: Part; aspect: string; requirements: ReportRequirement[] }
  | { kind: 'requirement'; requirement: ReportRequirement }
  // The other frameworks the report claims (esg.frameworks), after the HKEX parts: framework -> group -> item.
  | { kind: 'framework'; framework: FrameworkCoverage }
  | { kind: 'frameworkGroup'; framework: FrameworkCoverage; group: string; items: FrameworkItemCoverage[] }
  | { kind: 'frameworkItem'; framework: FrameworkCoverage; item: FrameworkItemCoverage };

function partTitle(part: Part, lang: Translator = reportLanguage(undefined)): string {
  if (part === 'B') return lang.l10n.t('Part B: Mandatory disclosures');
  if (part === 'C') return lang.l10n.t('Part C: Environmental and social');
  return lang.l10n.t('Part D: Climate-related disclosures');
}

function aspectTitle(aspect: string, lang: Translator = reportLanguage(undefined)): string {
  const titles: Record<string, () => string> = {
    A1: () => lang.l10n.t('A1 Emissions'),
    A2: () => lang.l10n.t('A2 Use of resources'),
    A3: () => lang.l10n.t('A3 The environment and natural resources'),
    A4: () => lang.l10n.t('A4 Climate change'),
    B1: () => lang.l10n.t('B1 Employment'),
    B2: () => lang.l10n.t('B2 Health and safety'),
    B3: () => lang.l10n.t('B3 Development and training'),
    B4: () => lang.l10n.t('B4 Labour standards'),
    B5: () => lang.l10n.t('B5 Supply chain management'),
    B6: () => lang.l10n.t('B6 Product responsibility'),
    B7: () => lang.l10n.t('B7 Anti-corruption'),
    B8: () => lang.l10n.t('B8 Community investment'),
    governance: () => lang.l10n.t('Governance'),
    strategy: () => lang.l10n.t('Strategy'),
    'risk-management': () => lang.l10n.t('Risk management'),
    'metrics-and-targets': () => lang.l10n.t('Metrics and targets'),
  };
  return titles[aspect]?.() ?? aspect;
}

// The preview page's words: one table for both (a status or obligation without a label fails the type check).
export function statusText(status: ReportRequirement['status'], lang: Translator = reportLanguage(undefined)): string {
  return lang.label(`status.${status}`);
}

function obligationText(obligation: Obligation, lang: Translator = reportLanguage(undefined)): string {
  return lang.label(`obligation.${obligation}`);
}

/** The icon of a requirement: a missing one is an error when mandatory, a warning when 'comply or explain'. */
export function requirementIcon(r: ReportRequirement): vscode.ThemeIcon {
  switch (r.status) {
    case 'disclosed':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'explained':
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'deleted-claimed':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'not-required':
      return new vscode.ThemeIcon('circle-slash');
    default:
      if (r.obligation === 'mandatory')
        return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
      if (r.obligation === 'comply-or-explain')
        return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      return new vscode.ThemeIcon('circle-large-outline');
  }
}

/** 'A1.1 Types of emissions…' from '關鍵績效指標 A1.1 …' / 'KPI A1.1 …': the id first, then the words. */
export function requirementLabel(r: ReportRequirement): string {
  const at = r.title.indexOf(r.id);
  if (at < 0) return `${r.id} ${r.title}`.trim();
  // '一般披露 A1（排放物）' -> 'A1 排放物'
  const rest = r.title
    .slice(at + r.id.length)
    .replace(/^[\s:：]+/, '')
    .replace(/^[（(]([^（()）]*)[）)]$/, '$1')
    .trim();
  return rest ? `${r.id} ${rest}` : r.id;
}

/** Where the requirement is addressed, for the description: the first place, or the explanation. */
function placeText(r: ReportRequirement): string {
  if (r.places.length > 0)
    return r.places.length > 1 ? `${r.places[0].label} (+${r.places.length - 1})` : r.places[0].label;
  if (r.explanation) return r.explanation.text.replace(/\s+/g, ' ').slice(0, 60);
  return '';
}

const isAddressed = (r: ReportRequirement) => r.status === 'disclosed' || r.status === 'explained';
const isRequired = (r: ReportRequirement) => r.obligation === 'mandatory' || r.obligation === 'comply-or-explain';
const needsWork = (r: ReportRequirement) => r.status === 'missing' || r.status === 'deleted-claimed';

/** A framework item's icon: implied ones are marked apart from disclosed ones; a missing one by its severity. */
export function frameworkItemIcon(item: FrameworkItemCoverage): vscode.ThemeIcon {
  switch (item.status) {
    case 'disclosed':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'implied':
      return new vscode.ThemeIcon('link', new vscode.ThemeColor('testing.iconPassed'));
    case 'explained':
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    case 'not-in-force':
      return new vscode.ThemeIcon('history');
    case 'reference':
      return new vscode.ThemeIcon('bookmark');
    default:
      return item.severity === 'mandatory'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
        : new vscode.ThemeIcon('circle-large-outline');
  }
}

/** The first place an item is disclosed or explained, for a click. */
function frameworkItemPlace(
  item: FrameworkItemCoverage,
): { uri: string; range: ReportRequirement['places'][number]['range'] } | undefined {
  return item.places[0] ?? item.explanation;
}

export class CoverageProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private filters: CoverageFilters;
  readonly view: vscode.TreeView<CoverageNode>;

  constructor(
    private readonly store: ReportStore,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<Partial<CoverageFilters>>(FILTER_STATE_KEY) ?? {};
    this.filters = {
      parts: Array.isArray(saved.parts) ? saved.parts.filter((p): p is Part => PARTS.includes(p)) : [...PARTS],
      obligations: Array.isArray(saved.obligations)
        ? saved.obligations.filter((o): o is Obligation => OBLIGATIONS.includes(o))
        : [...OBLIGATIONS],
      onlyMissing: saved.onlyMissing === true,
    };
    if (this.filters.parts.length === 0) this.filters.parts = [...PARTS];
    if (this.filters.obligations.length === 0) this.filters.obligations = [...OBLIGATIONS];
    this.view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      store.onDidChangeModel(({ uri }) => {
        if (uri === store.current) this.refresh();
      }),
      store.onDidChangeCurrent(() => this.refresh()),
    );
    void vscode.commands.executeCommand('setContext', ONLY_MISSING_CONTEXT, this.filters.onlyMissing);
    this.refresh();
  }

  get model(): ReportModel | undefined {
    return this.store.model(this.store.current);
  }

  get currentFilters(): CoverageFilters {
    return { ...this.filters, parts: [...this.filters.parts], obligations: [...this.filters.obligations] };
  }

  async setFilters(next: Partial<CoverageFilters>): Promise<void> {
    this.filters = { ...this.filters, ...next };
    await this.state.update(FILTER_STATE_KEY, this.filters);
    await vscode.commands.executeCommand('setContext', ONLY_MISSING_CONTEXT, this.filters.onlyMissing);
    this.refresh();
  }

  private refresh(): void {
    const model = this.model;
    if (!model) {
      this.view.description = undefined;
      this.view.badge = undefined;
      this.view.message = undefined; // the view's welcome text (package.json viewsWelcome) says what to do
    } else {
      this.view.description = model.coverage.summary;
      const missing = model.requirements.filter((r) => r.status === 'missing' && isRequired(r)).length;
      this.view.badge =
        missing > 0
          ? { value: missing, tooltip: vscode.l10n.t('{0} requirements neither disclosed nor explained', missing) }
          : undefined;
      // Which financial year and which rule of the Code the statuses were worked out for.
      this.view.message = [model.coverage.context, this.filterMessage(model)].filter(Boolean).join(' — ') || undefined;
    }
    this.changed.fire(undefined);
  }

  /** Says what is hidden, so an empty or short tree is not mistaken for a complete one. */
  private filterMessage(model: ReportModel): string | undefined {
    const parts: string[] = [];
    if (this.filters.parts.length < PARTS.length)
      parts.push(this.filters.parts.map((p) => vscode.l10n.t('Part {0}', p)).join(', '));
    if (this.filters.obligations.length < OBLIGATIONS.length)
      parts.push(this.filters.obligations.map((o) => obligationText(o)).join(', '));
    if (this.filters.onlyMissing) parts.push(vscode.l10n.t('only missing'));
    if (parts.length === 0) return undefined;
    const shown = this.visible(model.requirements).length;
    return vscode.l10n.t(
      'Filtered ({0}): {1} of {2} requirements shown.',
      parts.join('; '),
      shown,
      model.requirements.length,
    );
  }

  private visible(requirements: ReportRequirement[]): ReportRequirement[] {
    return requirements.filter(
      (r) =>
        this.filters.parts.includes(r.part) &&
        this.filters.obligations.includes(r.obligation) &&
        (!this.filters.onlyMissing || needsWork(r)),
    );
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const model = this.model;
    if (!model) return [];
    if (!node) {
      const shown = this.visible(model.requirements);
      const parts: CoverageNode[] = PARTS.filter((p) => this.filters.parts.includes(p))
        .map((part) => ({ kind: 'part' as const, part, requirements: shown.filter((r) => r.part === part) }))
        .filter((n) => n.requirements.length > 0);
      const frameworks = (model.frameworks ?? []).map((framework) => ({ kind: 'framework' as const, framework }));
      return [...parts, ...frameworks];
    }
    if (node.kind === 'requirement' || node.kind === 'frameworkItem') return [];
    if (node.kind === 'framework') {
      const items = node.framework.items.filter((i) => !this.filters.onlyMissing || i.status === 'missing');
      return node.framework.groups
        .map((g) => ({
          kind: 'frameworkGroup' as const,
          framework: node.framework,
          group: g.id,
          items: items.filter((i) => (i.group ?? '') === g.id),
        }))
        .filter((g) => g.items.length > 0);
    }
    if (node.kind === 'frameworkGroup')
      return node.items.map((item) => ({ kind: 'frameworkItem' as const, framework: node.framework, item }));
    if (node.kind === 'aspect')
      return node.requirements.map((requirement) => ({ kind: 'requirement' as const, requirement }));
    const aspects = new Map<string, ReportRequirement[]>();
    for (const r of node.requirements) aspects.set(r.aspect, [...(aspects.get(r.aspect) ?? []), r]);
    return [...aspects].flatMap(([aspect, requirements]): CoverageNode[] =>
      // An aspect that is one requirement (Part B's three) is shown as that requirement.
      requirements.length === 1 && requirements[0].id === aspect
        ? [{ kind: 'requirement' as const, requirement: requirements[0] }]
        : [{ kind: 'aspect' as const, part: node.part, aspect, requirements }],
    );
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const model = this.model;
    // The view's words in the report's language, like the titles and places beside them.
    const lang = reportLanguage(model?.locale);
    if (node.kind === 'framework' || node.kind === 'frameworkGroup' || node.kind === 'frameworkItem')
      return frameworkTreeItem(node);
    if (node.kind === 'part') {
      const item = new vscode.TreeItem(partTitle(node.part, lang), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `part:${node.part}`;
      const counts = model?.coverage.parts.find((p) => p.part === node.part);
      if (counts) item.description = `${counts.addressed}/${counts.required}`;
      item.iconPath = new vscode.ThemeIcon(node.part === 'D' ? 'cloud' : node.part === 'B' ? 'law' : 'list-tree');
      item.contextValue = 'part';
      return item;
    }
    if (node.kind === 'aspect') {
      const required = node.requirements.filter(isRequired);
      const addressed = required.filter(isAddressed).length;
      const missing = node.requirements.filter(needsWork);
      const item = new vscode.TreeItem(aspectTitle(node.aspect, lang), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `aspect:${node.part}:${node.aspect}`;
      item.description = required.length ? `${addressed}/${required.length}` : undefined;
      item.iconPath = missing.length
        ? new vscode.ThemeIcon(
            'circle-filled',
            new vscode.ThemeColor(
              missing.some((r) => r.obligation === 'mandatory')
                ? 'problemsErrorIcon.foreground'
                : 'problemsWarningIcon.foreground',
            ),
          )
        : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      item.tooltip = missing.length ? lang.l10n.t('Missing: {0}', missing.map((r) => r.id).join(', ')) : undefined;
      item.contextValue = 'aspect';
      return item;
    }
    const r = node.requirement;
    const item = new vscode.TreeItem(requirementLabel(r), vscode.TreeItemCollapsibleState.None);
    item.id = `requirement:${r.id}`;
    const place = placeText(r);
    item.description = place ? `${statusText(r.status, lang)} · ${place}` : statusText(r.status, lang);
    item.iconPath = requirementIcon(r);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(r.title)}**\n\n`);
    tooltip.appendMarkdown(
      `${escapeMarkdown(statusText(r.status, lang))} · ${escapeMarkdown(obligationText(r.obligation, lang))}\n\n`,
    );
    for (const p of r.places.slice(0, 8)) tooltip.appendMarkdown(`- ${escapeMarkdown(p.label)}\n`);
    if (r.explanation)
      tooltip.appendMarkdown(`\n> ${escapeMarkdown(r.explanation.text.replace(/\s+/g, ' ').slice(0, 300))}\n`);
    if (r.status === 'missing')
      tooltip.appendMarkdown(`\n${escapeMarkdown(lang.l10n.t('Click to see the quick fixes.'))}`);
    item.tooltip = tooltip;
    item.contextValue = `requirement.${r.status}`;
    if (model)
      item.command = {
        command: OPEN_REQUIREMENT_COMMAND,
        title: vscode.l10n.t('Show requirement'),
        arguments: [model.uri, r.id],
      };
    return item;
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    if (node.kind === 'part' || node.kind === 'framework') return undefined;
    if (node.kind === 'frameworkGroup') return { kind: 'framework', framework: node.framework };
    if (node.kind === 'frameworkItem') {
      const items = node.framework.items.filter((i) => (i.group ?? '') === (node.item.group ?? ''));
      return { kind: 'frameworkGroup', framework: node.framework, group: node.item.group ?? '', items };
    }
    const model = this.model;
    if (!model) return undefined;
    const roots = this.getChildren();
    if (node.kind === 'aspect') return roots.find((p) => p.kind === 'part' && p.part === node.part);
    for (const part of roots) {
      for (const child of this.getChildren(part)) {
        if (child.kind === 'requirement' && child.requirement.id === node.requirement.id) return part;
        if (child.kind === 'aspect' && child.requirements.some((r) => r.id === node.requirement.id)) return child;
      }
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The tree items of the claimed frameworks: the words come from the server, in the report's language. */
function frameworkTreeItem(
  node: Extract<CoverageNode, { kind: 'framework' | 'frameworkGroup' | 'frameworkItem' }>,
): vscode.TreeItem {
  const f = node.framework;
  if (node.kind === 'framework') {
    const item = new vscode.TreeItem(f.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `framework:${f.id}`;
    item.description = `${f.summary} · ${f.severity === 'reference' ? f.reason : (f.version ?? '')}`.replace(
      / · $/,
      '',
    );
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(f.title)}**\n\n${escapeMarkdown(f.reason)}`);
    item.iconPath = new vscode.ThemeIcon(f.kind === 'reference-tags' ? 'bookmark' : 'library');
    item.contextValue = 'framework';
    return item;
  }
  if (node.kind === 'frameworkGroup') {
    const title = f.groups.find((g) => g.id === node.group)?.title ?? node.group;
    const item = new vscode.TreeItem(title || f.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `framework:${f.id}:${node.group}`;
    const addressed = node.items.filter(
      (i) => i.status === 'disclosed' || i.status === 'implied' || i.status === 'explained',
    );
    const counted = node.items.filter((i) => i.status !== 'not-in-force');
    item.description = `${addressed.length}/${counted.length}`;
    item.contextValue = 'frameworkGroup';
    return item;
  }
  const i = node.item;
  const item = new vscode.TreeItem(`${i.id} ${i.title}`, vscode.TreeItemCollapsibleState.None);
  item.id = `framework:${f.id}:item:${i.id}`;
  const place = i.places[0]?.label ?? i.explanation?.text.replace(/\s+/g, ' ').slice(0, 60);
  item.description = place ? `${i.statusLabel} · ${place}` : i.statusLabel;
  item.iconPath = frameworkItemIcon(i);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(`${i.id} ${i.title}`)}**\n\n`);
  tooltip.appendMarkdown(`${escapeMarkdown(i.statusLabel)} · ${escapeMarkdown(i.severityLabel)}\n\n`);
  for (const p of i.places.slice(0, 8))
    tooltip.appendMarkdown(
      `- ${escapeMarkdown(p.label)}${p.implied ? ` (${escapeMarkdown(`${p.implied.framework} ${p.implied.id}`)})` : ''}\n`,
    );
  if (i.explanation)
    tooltip.appendMarkdown(`\n> ${escapeMarkdown(i.explanation.text.replace(/\s+/g, ' ').slice(0, 300))}\n`);
  item.tooltip = tooltip;
  item.contextValue = `frameworkItem.${i.status}`;
  const at = frameworkItemPlace(i);
  if (at)
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Show requirement'),
      arguments: [
        vscode.Uri.parse(at.uri),
        {
          selection: new vscode.Range(
            at.range.start.line,
            at.range.start.character,
            at.range.end.line,
            at.range.end.character,
          ),
        },
      ],
    };
  return item;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

/** The requirement ids a diagnostic's data names (`data.ids`, or `data.id`): the server sends the rule's data as `data`. */
function idsOf(d: vscode.Diagnostic): string[] {
  const data = (d as vscode.Diagnostic & { data?: { id?: unknown; ids?: unknown } }).data;
  const out: string[] = [];
  if (!data) return out;
  if (Array.isArray(data.ids)) out.push(...data.ids.filter((x): x is string => typeof x === 'string'));
  if (typeof data.id === 'string') out.push(data.id);
  return out;
}

/**
 * The server's `hkex/missing` diagnostic for a requirement: by its data ids (one diagnostic may stand
 * for several requirements of an aspect), else by the id the message starts with or lists.
 */
export function missingDiagnostic(uri: vscode.Uri, id: string): vscode.Diagnostic | undefined {
  const missing = vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'esgmark' && codeOf(d) === 'hkex/missing');
  return (
    missing.find((d) => idsOf(d).includes(id)) ??
    missing.find(
      (d) =>
        d.message.startsWith(`${id}（`) ||
        d.message.startsWith(`${id} (`) ||
        d.message.includes(` ${id}（`) ||
        d.message.includes(` ${id} (`) ||
        d.message.includes(`：${id}（`) ||
        d.message.includes(`；${id}（`),
    )
  );
}

/** The quick fixes the server offers for one missing requirement. */
export async function quickFixesFor(uri: vscode.Uri, id: string): Promise<vscode.CodeAction[]> {
  const diagnostic = missingDiagnostic(uri, id);
  if (!diagnostic) return [];
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    )) ?? [];
  // A plain Command has a string `command`; a CodeAction has an edit and/or a Command object.
  const fixes = actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  // Actions for this requirement: attached to its diagnostic, or naming it (the server puts the id in the title).
  const mine = fixes.filter(
    (a) => a.diagnostics?.some((d) => d.message === diagnostic.message) || a.title.includes(id),
  );
  return mine.length ? mine : fixes;
}

async function applyAction(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

/** Click on a requirement: reveal where it is addressed; for a missing one, pick and apply a quick fix. */
export async function openRequirement(
  store: ReportStore,
  reportUri: string,
  id: string,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const model = store.model(reportUri);
  const requirement = model?.requirements.find((r) => r.id === id);
  if (!requirement) return;
  const place = requirement.places[0] ?? requirement.explanation;
  if (place) {
    await revealInEditor(vscode.Uri.parse(place.uri), place.range);
    return;
  }
  if (requirement.status !== 'missing') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0}: {1}', requirementLabel(requirement), statusText(requirement.status)),
    );
    return;
  }
  const uri = vscode.Uri.parse(reportUri);
  const diagnostic = missingDiagnostic(uri, id);
  if (diagnostic) await revealInEditor(uri, diagnostic.range);
  const fixes = await quickFixesFor(uri, id);
  if (fixes.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('esgmark has no quick fix for {0}. Tag a section with it or add an explanation block.', id),
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    fixes.map((action) => ({ label: action.title, action })),
    {
      title: vscode.l10n.t('{0} is missing', requirementLabel(requirement)),
      placeHolder: vscode.l10n.t('Choose a quick fix'),
    },
  );
  if (!picked) return;
  try {
    if (!(await applyAction(picked.action)))
      void vscode.window.showWarningMessage(vscode.l10n.t('The quick fix could not be applied.'));
  } catch (error) {
    log.error(`quick fix for ${id} failed: ${String(error)}`);
  }
}

/** The view/title filter commands. */
export async function pickPartFilter(provider: CoverageProvider): Promise<void> {
  const current = provider.currentFilters.parts;
  const picked = await vscode.window.showQuickPick(
    PARTS.map((part) => ({ label: partTitle(part), part, picked: current.includes(part) })),
    { canPickMany: true, title: vscode.l10n.t('Show the parts') },
  );
  if (!picked) return;
  await provider.setFilters({ parts: picked.length ? picked.map((p) => p.part) : [...PARTS] });
}

export async function pickObligationFilter(provider: CoverageProvider): Promise<void> {
  const current = provider.currentFilters.obligations;
  const picked = await vscode.window.showQuickPick(
    OBLIGATIONS.map((obligation) => ({
      label: obligationText(obligation),
      obligation,
      picked: current.includes(obligation),
    })),
    { canPickMany: true, title: vscode.l10n.t('Show the obligations') },
  );
  if (!picked) return;
  await provider.setFilters({ obligations: picked.length ? picked.map((p) => p.obligation) : [...OBLIGATIONS] });
}
