// The KPI preview page in a real browser (Debian's Chromium driven by playwright-core), fed with models
// the real engine builds from examples/zhipu-2025.esg.md and a two-period fixture. The page is the built
// dist/webview/preview.{js,css} inside the HTML shell of client/webview/html.ts, served from a temp dir
// on 127.0.0.1 under the same CSP as in VS Code. A small stand-in plays VS Code's part: acquireVsCodeApi
// (records postMessage, keeps getState/setState in sessionStorage), the theme's body class and
// --vscode-* variables, and the `update` messages.
//
// Run after `npm run build`:  node --test --test-reporter=spec test/webview/
// Needs Chromium (the Debian package `chromium`, installed by `bash scripts/setup.sh`): without it the
// tests are skipped with that reason, except in CI (CI=true), where they fail with it.
// ESGMARK_UPDATE_DOCS=1 also copies the light and dark screenshots to docs/images/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(repo, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = !!process.env.CI && !/^(false|0)$/i.test(process.env.CI);
const MISSING = `no Chromium at ${CHROMIUM}: run \`bash scripts/setup.sh\`, which installs the Debian package \`chromium\` (or set CHROMIUM_PATH)`;
const SKIP = existsSync(CHROMIUM) || IN_CI ? false : `${MISSING} (skipped outside CI; with CI=true this fails)`;
/** A test of the page: skipped, with the reason, when Chromium is missing outside CI. */
const check = (name, fn) => test(name, { skip: SKIP }, fn);

// Colours of VS Code's Light Modern and Dark Modern themes (the subset the page reads).
const THEMES = {
  light: {
    '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans CJK TC", "Noto Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-descriptionForeground': '#3b3b3b',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-list-hoverBackground': '#f2f2f2',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-panelTitle-activeBorder': '#005fb8',
    '--vscode-panelTitle-activeForeground': '#3b3b3b',
    '--vscode-panelTitle-inactiveForeground': '#3b3b3b',
    '--vscode-dropdown-background': '#ffffff',
    '--vscode-dropdown-border': '#cecece',
    '--vscode-textBlockQuote-background': '#f8f8f8',
    '--vscode-charts-foreground': '#3b3b3b',
    '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-purple': '#652d90',
  },
  dark: {
    '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans CJK TC", "Noto Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': '"DejaVu Sans Mono", monospace',
    '--vscode-foreground': '#cccccc',
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-descriptionForeground': '#9d9d9d',
    '--vscode-panel-border': '#2b2b2b',
    '--vscode-focusBorder': '#0078d4',
    '--vscode-textLink-foreground': '#4daafc',
    '--vscode-list-hoverBackground': '#2a2d2e',
    '--vscode-button-secondaryBackground': '#313131',
    '--vscode-button-secondaryForeground': '#cccccc',
    '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-panelTitle-activeBorder': '#0078d4',
    '--vscode-panelTitle-activeForeground': '#cccccc',
    '--vscode-panelTitle-inactiveForeground': '#9d9d9d',
    '--vscode-dropdown-background': '#313131',
    '--vscode-dropdown-border': '#3c3c3c',
    '--vscode-textBlockQuote-background': '#2b2b2b',
    '--vscode-charts-foreground': '#cccccc',
    '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
  },
  'high-contrast': {
    '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans CJK TC", "Noto Sans", sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-foreground': '#ffffff',
    '--vscode-editor-foreground': '#ffffff',
    '--vscode-editor-background': '#000000',
    '--vscode-descriptionForeground': '#ffffff',
    '--vscode-panel-border': '#6fc3df',
    '--vscode-contrastBorder': '#6fc3df',
    '--vscode-focusBorder': '#f38518',
    '--vscode-charts-foreground': '#ffffff',
    '--vscode-charts-lines': 'rgba(255, 255, 255, 0.5)',
    '--vscode-charts-red': '#f14c4c',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-yellow': '#cca700',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-purple': '#b180d7',
  },
};

/** Runs in the page before any of its scripts: VS Code's webview API and a recorder for what must not happen. */
function vscodeStandIn() {
  window.__posted = [];
  window.__violations = [];
  window.__dialogs = 0;
  sessionStorage.setItem('loads', String(Number(sessionStorage.getItem('loads') ?? 0) + 1));
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    // VS Code allows one call per page; a second one throws there, so it throws here too.
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null') ?? undefined,
      setState: (state) => {
        sessionStorage.setItem('vscodeState', JSON.stringify(state));
        return state;
      },
    });
  };
}

let server;
let origin;
let browser;
let page;
let engine;
let htmlModule;
let nonce;
let zhipuText;
let fixtureText;
let zhipu;
let fixture;
const requests = [];
const pageErrors = [];
const dialogs = [];
let staticDir;

function modelOf(uri, text) {
  return engine.getReportModel(engine.analyze({ uri, text }));
}

async function update(model) {
  await page.evaluate((m) => window.postMessage({ type: 'update', model: m }, '*'), model);
  // The page renders synchronously on the message; one frame lets the charts paint.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

async function applyTheme(kind) {
  // No hover effect in the screenshots: the pointer rests in the page's empty top-left corner.
  await page.mouse.move(1, 1);
  await page.evaluate(
    ({ kind, vars }) => {
      const style = document.documentElement.style;
      for (let i = style.length - 1; i >= 0; i--) if (style[i].startsWith('--vscode-')) style.removeProperty(style[i]);
      for (const [name, value] of Object.entries(vars)) style.setProperty(name, value);
      document.body.className = `vscode-${kind}`;
    },
    { kind, vars: THEMES[kind] },
  );
  // The page redraws its charts on the next animation frame after the change; wait for two.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

const posted = () => page.evaluate(() => window.__posted);
const lastPosted = async () => (await posted()).at(-1);

function findValue(model, predicate) {
  for (const group of model.kpiGroups) for (const row of group.rows) for (const value of row.values) if (predicate(row, value)) return { group, row, value };
  return undefined;
}

/** Whether a canvas has pixels within a small distance of an #rrggbb colour. */
function canvasHasColour(selector, hex) {
  return page.evaluate(
    ({ selector, hex }) => {
      const canvas = document.querySelector(selector);
      if (!canvas) return false;
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 250 && Math.abs(data[i] - want[0]) <= 3 && Math.abs(data[i + 1] - want[1]) <= 3 && Math.abs(data[i + 2] - want[2]) <= 3) return true;
      }
      return false;
    },
    { selector, hex },
  );
}

before(async () => {
  if (SKIP) return;
  if (!existsSync(CHROMIUM)) throw new Error(MISSING);
  for (const file of ['preview.js', 'preview.css']) {
    if (!existsSync(join(repo, 'dist/webview', file))) throw new Error(`dist/webview/${file} is missing: run npm run build first`);
  }

  // The engine and the HTML shell are TypeScript; bundle them for this Node process.
  const work = mkdtempSync(join(tmpdir(), 'esgmark-webview-'));
  staticDir = join(work, 'static');
  mkdirSync(staticDir);
  await esbuild.build({
    entryPoints: { engine: join(repo, 'server/src/engine/index.ts'), html: join(repo, 'client/webview/html.ts') },
    outdir: work,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  engine = require(join(work, 'engine.cjs'));
  htmlModule = require(join(work, 'html.cjs'));

  zhipuText = readFileSync(join(repo, 'examples/zhipu-2025.esg.md'), 'utf8');
  fixtureText = readFileSync(join(repo, 'test/webview/fixtures/two-periods.esg.md'), 'utf8');
  zhipu = modelOf('file:///workspace/zhipu-2025.esg.md', zhipuText);
  fixture = modelOf('file:///workspace/two-periods.esg.md', fixtureText);

  server = http.createServer((req, res) => {
    requests.push(req.url);
    const name = { '/': 'index.html', '/index.html': 'index.html', '/preview.js': 'preview.js', '/preview.css': 'preview.css' }[req.url ?? ''];
    if (!name) {
      res.writeHead(404).end();
      return;
    }
    const type = { html: 'text/html', js: 'text/javascript', css: 'text/css' }[name.split('.').pop()];
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(readFileSync(join(staticDir, name)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;

  copyFileSync(join(repo, 'dist/webview/preview.js'), join(staticDir, 'preview.js'));
  copyFileSync(join(repo, 'dist/webview/preview.css'), join(staticDir, 'preview.css'));
  nonce = randomBytes(18).toString('base64');
  writeFileSync(
    join(staticDir, 'index.html'),
    htmlModule.previewHtml({ scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css`, cspSource: origin, nonce, locale: 'zh-Hant' }),
  );

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  // Anything the page tries to load from elsewhere is refused and recorded.
  await context.route((url) => !url.href.startsWith(origin), (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => undefined);
  });
  await page.addInitScript(vscodeStandIn);
  await page.goto(`${origin}/index.html`);
  await applyTheme('dark');
  mkdirSync(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (staticDir) rmSync(dirname(staticDir), { recursive: true, force: true });
});

check('the shell loads under its CSP and says it is ready', async () => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(csp, htmlModule.previewCsp(origin, nonce));
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
  assert.deepEqual(await posted(), [{ type: 'ready' }]);
  // Before the first update the page shows the waiting text in the locale the shell was given.
  assert.equal(await page.locator('#root').innerText(), '正在等待 esgmark 語言伺服器…');
});

check('renders the KPIs of the Zhipu example from the real engine', async () => {
  await update(zhipu);
  const text = await page.locator('#panel-kpis').innerText();
  assert.match(text, /\b937\b/);
  assert.match(text, /596\.41/);
  // Labels come from the report's locale (zh-Hant) and every non-empty group of the model is shown.
  assert.equal(await page.locator('#tab-kpis').textContent(), '關鍵績效指標');
  const groups = zhipu.kpiGroups.filter((g) => g.rows.length > 0).length;
  assert.equal(await page.locator('section[data-group^="kpi-"]').count(), groups);
  // One row per KPI (and unit) of a group: a KPI in several tables is shown once, with its places.
  const keys = new Set(zhipu.kpiGroups.flatMap((g) => g.rows.map((r, i) => (r.kpiId && !r.unrecognised ? `${g.aspect}|${r.kpiId}|${r.unit ?? ''}` : `${g.aspect}|#${i}`))));
  const rows = zhipu.kpiGroups.reduce((n, g) => n + g.rows.length, 0);
  assert.ok(keys.size < rows, 'the example reports some KPIs in more than one table');
  assert.equal(await page.locator('tr.kpi-row').count(), keys.size);
  // The header shows the engine's counts.
  assert.match(await page.locator('.header').innerText(), new RegExp(`已核對 ${zhipu.checks.total} 項，${zhipu.checks.disagree} 項不符`));
  await page.screenshot({ path: join(artifacts, 'preview-zhipu-dark.png') });
  await page.screenshot({ path: join(artifacts, 'preview-zhipu-dark-full.png'), fullPage: true });
});

check('the disagreeing turnover rate 28.64 has the ✗ badge and its checks on hover and expand', async () => {
  const found = findValue(zhipu, (row, v) => row.kpiId === 'turnover.rate' && v.raw === '28.64');
  assert.ok(found, 'the engine reports the turnover rate');
  assert.equal(found.value.check, 'disagrees');
  const cell = page.locator('tr.kpi-row[data-kpi="turnover.rate"] td.col-period', { has: page.locator('button.figure', { hasText: /^28\.64$/ }) });
  assert.equal(await cell.count(), 1);
  const badge = cell.locator('.badge');
  assert.equal(await badge.innerText(), '✗');
  assert.match(await badge.getAttribute('class'), /badge-disagrees/);
  const failed = found.value.checks.find((c) => !c.ok);
  assert.ok((await cell.locator('button.figure').getAttribute('title')).includes(failed.formula));
  // Expanding shows each check with its computed value; the failed one reveals the figure.
  await badge.click();
  const details = page.locator('tr.checks-row').filter({ hasText: failed.computed });
  assert.equal(await details.count(), 1);
  assert.ok((await details.innerText()).includes(failed.formula));
  await details.locator('li.check-failed button.reveal-check').first().click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: found.value.uri, range: found.value.range });
  // Figures that agree carry ✓.
  const agreeing = await page.locator('.badge-agrees').count();
  assert.ok(agreeing > 0);
});

check('clicking a figure, a KPI and a failed check posts reveal with the right range', async () => {
  const employees = findValue(zhipu, (row, v) => row.kpiId === 'employees.total' && v.raw === '937');
  assert.ok(employees);
  await page.locator('tr.kpi-row[data-kpi="employees.total"] button.figure', { hasText: /^937$/ }).click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: employees.value.uri, range: employees.value.range });

  await page.locator('tr.kpi-row[data-kpi="employees.total"] button.kpi-name').click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: employees.row.uri, range: employees.row.range });

  const turnover = findValue(zhipu, (row, v) => v.check === 'disagrees');
  await page.locator('ul.disagreements button.failed-check').first().click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: turnover.value.uri, range: turnover.value.range });
});

check('export buttons post export messages', async () => {
  const before = (await posted()).length;
  await page.locator('button[data-export="csv-copy"]').click();
  await page.locator('button[data-export="csv-save"]').click();
  await page.locator('button[data-export="json-save"]').click();
  assert.deepEqual((await posted()).slice(before), [
    { type: 'export', format: 'csv', action: 'copy' },
    { type: 'export', format: 'csv', action: 'save' },
    { type: 'export', format: 'json', action: 'save' },
  ]);
});

check('two periods: GHG by scope, Scope 3 by category and a trend chart per KPI with two numbers', async () => {
  await update(fixture);
  assert.equal(await page.locator('#tab-kpis').textContent(), 'KPIs');
  assert.equal(await page.locator('.chart-ghg canvas').count(), 1);
  assert.equal(await page.locator('.chart-scope3 canvas').count(), 1);
  const trendRows = fixture.kpiGroups.flatMap((g) => g.rows).filter((r) => new Set(r.values.filter((v) => v.status === 'number').map((v) => v.period)).size >= 2);
  assert.ok(trendRows.length >= 5);
  assert.equal(await page.locator('.sparkline canvas').count(), trendRows.length);
  // The charts are drawn in the theme's colours: dark Scope 1 blue, Scope 2 orange, Scope 3 purple.
  assert.ok(await canvasHasColour('.chart-ghg canvas', THEMES.dark['--vscode-charts-blue']));
  assert.ok(await canvasHasColour('.chart-ghg canvas', THEMES.dark['--vscode-charts-purple']));
  assert.ok(await canvasHasColour('.sparkline canvas', THEMES.dark['--vscode-charts-blue']));
  // Each chart's text alternative carries its data.
  const ghgText = await page.locator('.chart-ghg canvas').textContent();
  assert.match(ghgText, /2024: Scope 1 6,480\.2, Scope 2 2,552\.8, Scope 3 38,900/);
  assert.match(await page.locator('.chart-scope3 canvas').textContent(), /4\. Upstream transportation and distribution: 2024 13,700, 2025 14,900/);
  // The Scope 3 total that disagrees with its categories is flagged.
  const scope3 = page.locator('tr.kpi-row[data-kpi="ghg.scope3"] td.col-period', { has: page.locator('button.figure', { hasText: '40,200' }) });
  assert.equal(await scope3.locator('.badge').innerText(), '✗');
});

check('charts follow the theme: light, dark and high contrast', async () => {
  await applyTheme('light');
  assert.ok(await canvasHasColour('.chart-ghg canvas', THEMES.light['--vscode-charts-blue']));
  assert.ok(!(await canvasHasColour('.chart-ghg canvas', THEMES.dark['--vscode-charts-blue'])), 'dark colours are gone');
  assert.ok(await canvasHasColour('.sparkline canvas', THEMES.light['--vscode-charts-blue']));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, 'preview-light.png') });
  await page.screenshot({ path: join(artifacts, 'preview-light-full.png'), fullPage: true });

  await applyTheme('high-contrast');
  assert.ok(await canvasHasColour('.chart-ghg canvas', THEMES['high-contrast']['--vscode-contrastBorder']), 'bars are outlined in high contrast');
  await page.screenshot({ path: join(artifacts, 'preview-high-contrast.png') });

  await applyTheme('dark');
  assert.ok(await canvasHasColour('.chart-ghg canvas', THEMES.dark['--vscode-charts-blue']));
  assert.ok(!(await canvasHasColour('.chart-ghg canvas', THEMES.light['--vscode-charts-blue'])));
  await page.screenshot({ path: join(artifacts, 'preview-dark.png') });
  await page.screenshot({ path: join(artifacts, 'preview-dark-full.png'), fullPage: true });
  // A preview beside the editor is often narrow: the page must stay usable at 520 px.
  await page.setViewportSize({ width: 520, height: 900 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 520), 'no horizontal scroll of the page');
  await page.screenshot({ path: join(artifacts, 'preview-narrow-dark.png') });
  await page.setViewportSize({ width: 1100, height: 900 });

  if (process.env.ESGMARK_UPDATE_DOCS === '1') {
    for (const name of ['preview-light.png', 'preview-dark.png']) copyFileSync(join(artifacts, name), join(repo, 'docs/images', name));
  }
});

check('a second update re-renders in place: no reload, scroll, collapsed groups and expanded checks kept', async () => {
  await update(zhipu);
  await page.evaluate(() => {
    window.__marker = 'still the same page';
  });
  // Collapse one group and expand the checks of the turnover rate.
  const collapsedGroup = page.locator('section[data-group="kpi-B3"] .group-toggle');
  await collapsedGroup.click();
  assert.equal(await collapsedGroup.getAttribute('aria-expanded'), 'false');
  const expandedBefore = await page.locator('tr.checks-row').count();
  // Charts whose data did not change are kept, not rebuilt: mark the canvas element itself.
  await page.evaluate(() => {
    document.querySelector('.chart-ghg canvas').__kept = true;
  });
  await page.evaluate(() => window.scrollTo(0, 700));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  assert.equal(scrollBefore, 700);

  // The author changes the headcount in the KPI appendix from 937 to 941.
  const changed = zhipuText.replace('| 員工總數[^14] | | 人 | 937 |', '| 員工總數[^14] | | 人 | 941 |');
  assert.notEqual(changed, zhipuText);
  const model = modelOf('file:///workspace/zhipu-2025.esg.md', changed);
  const changedValue = findValue(model, (row, v) => row.kpiId === 'employees.total' && v.raw === '941');
  assert.ok(changedValue, 'the engine sees the new figure');
  await update(model);

  assert.equal(await page.locator('tr.kpi-row[data-kpi="employees.total"] button.figure', { hasText: /^941$/ }).count(), 1);
  assert.equal(await page.evaluate(() => window.__marker), 'still the same page');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('loads')), '1');
  assert.equal(await page.evaluate(() => window.scrollY), scrollBefore);
  assert.equal(await page.locator('section[data-group="kpi-B3"] .group-toggle').getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('section[data-group="kpi-B3"] .group-body').isHidden());
  assert.equal(await page.locator('tr.checks-row').count(), expandedBefore);
  assert.equal(await page.evaluate(() => document.querySelector('.chart-ghg canvas').__kept), true);
  // The new figure reveals its own cell.
  await page.locator('tr.kpi-row[data-kpi="employees.total"] button.figure', { hasText: /^941$/ }).click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: changedValue.value.uri, range: changedValue.value.range });
});

check('the coverage tab: counts, filters, status badges; the active tab survives updates and a reload', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#tab-coverage').click();
  assert.ok(await page.locator('#panel-coverage').isVisible());
  assert.ok(await page.locator('#panel-kpis').isHidden());
  assert.ok((await page.locator('#panel-coverage .summary').innerText()).includes(zhipu.coverage.summary));
  assert.equal(await page.locator('#panel-coverage tr.req').count(), zhipu.requirements.length);

  await page.locator('select[data-filter="part"]').selectOption('D');
  const partD = zhipu.requirements.filter((r) => r.part === 'D');
  assert.equal(await page.locator('#panel-coverage tr.req').count(), partD.length);
  await page.locator('select[data-filter="obligation"]').selectOption('mandatory');
  assert.equal(await page.locator('#panel-coverage tr.req').count(), partD.filter((r) => r.obligation === 'mandatory').length);
  await page.locator('select[data-filter="obligation"]').selectOption('all');

  const explained = zhipu.requirements.find((r) => r.part === 'D' && r.status === 'explained');
  if (explained) {
    const row = page.locator(`tr.req[data-requirement="${explained.id}"]`);
    assert.equal(await row.locator('.status').innerText(), '已解釋');
    await row.locator('button.explanation').click();
    assert.deepEqual(await lastPosted(), { type: 'reveal', uri: explained.explanation.uri, range: explained.explanation.range });
  }
  const disclosed = partD.find((r) => r.status === 'disclosed' && r.places.length > 0);
  await page.locator(`tr.req[data-requirement="${disclosed.id}"] button.place`).first().click();
  assert.deepEqual(await lastPosted(), { type: 'reveal', uri: disclosed.places[0].uri, range: disclosed.places[0].range });
  await page.screenshot({ path: join(artifacts, 'preview-coverage-dark.png') });

  // An update keeps the tab and the filter.
  await update(zhipu);
  assert.ok(await page.locator('#panel-coverage').isVisible());
  assert.equal(await page.locator('#panel-coverage tr.req').count(), partD.length);
  const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vscodeState')));
  assert.equal(saved.tab, 'coverage');
  assert.equal(saved.filters.part, 'D');

  // A webview that VS Code recreates starts from getState(): same tab and filter after a reload.
  await page.reload();
  await applyTheme('dark');
  assert.deepEqual(await posted(), [{ type: 'ready' }]);
  await update(zhipu);
  assert.ok(await page.locator('#panel-coverage').isVisible());
  assert.equal(await page.locator('#panel-coverage tr.req').count(), partD.length);
  await page.locator('select[data-filter="part"]').selectOption('all');
  await page.locator('#tab-kpis').click();
  assert.ok(await page.locator('#panel-kpis').isVisible());
});

check('markup in the report is shown as text: no element, no script, no dialog', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const script = '<script>window.__xss = 1</script>';
  // Through the real engine: the parser drops inline HTML from labels, and keeps entities as written;
  // the page must show the entities literally (innerHTML would turn them into markup).
  const entities = '&lt;script&gt;alert(2)&lt;/script&gt;';
  const text = fixtureText.replace('| Business travel | tCO2e | 1,200 | 1,200 |', `| Business travel | tCO2e | 1,200 | 1,200 |\n| ${evil} Fleet | t | 5 | 6 |\n| ${entities} | t | 7 | 8 |`);
  const model = modelOf('file:///workspace/two-periods.esg.md', text);
  assert.ok(findValue(model, (row) => row.label === entities), 'the engine keeps the entity-escaped label');
  // And straight into every kind of string field, as a model from a future engine or a catalog might carry.
  const fleet = findValue(model, (row) => row.label.includes('Fleet'));
  assert.ok(fleet);
  fleet.row.name = evil;
  fleet.value.raw = script;
  fleet.row.unit = evil;
  model.title = `Lantern ${evil}`;
  model.issuer = script;
  model.scope3[0].name = evil;
  model.requirements[0].title = script;
  model.requirements[0].places.push({ label: evil, uri: 'file:///x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
  model.coverage.summary = `<b>${evil}</b>`;
  model.kpiGroups[0].title = '<svg onload=alert(2)>';
  model.periods.push('<i>2026</i>');
  fleet.row.values.push({ ...fleet.value, period: '<i>2026</i>', raw: '9' });

  await update(model);
  const body = await page.locator('body').innerText();
  assert.ok(body.includes(evil), 'the img markup is shown as text');
  assert.ok(body.includes(script), 'the script markup is shown as text');
  assert.ok(body.includes('<svg onload=alert(2)>'));
  assert.ok(body.includes('<i>2026</i>'));
  assert.ok(body.includes(entities), 'entities are not decoded');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('i').count(), 0);
  assert.equal(await page.locator('svg').count(), 0);
  assert.equal(await page.locator('b').count(), 0);
  assert.equal(await page.locator('script').count(), 1, 'only the page script');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  // The Scope 3 chart's text alternative is text too.
  assert.ok((await page.locator('.chart-scope3 canvas').textContent()).includes(evil));
});

check('a KPI reported in two tables is one row, with its places', async () => {
  // Water in the emissions table and again, for FY2023, in an appendix table.
  const text = `${fixtureText}\n## Appendix {#appendix}\n\n| Indicator | Unit | FY2023 |\n|---|---|--:|\n| [Water use]{#water.total} | m³ | 13,900 |\n`;
  const model = modelOf('file:///workspace/two-periods.esg.md', text);
  const rowsOf = (m) => m.kpiGroups.flatMap((g) => g.rows).filter((r) => r.kpiId === 'water.total');
  assert.equal(rowsOf(model).length, 2, 'the model keeps both table rows (the export lists every figure)');
  await update(model);
  const rows = page.locator('tr.kpi-row[data-kpi="water.total"]');
  assert.equal(await rows.count(), 1, 'one row in the preview');
  const row = (await rows.first().innerText()).replace(/\s+/g, ' ');
  assert.match(row, /in 2 places: ?Water consumption · Water use/, row);
  for (const figure of ['12,400', '13,050', '13,900']) assert.ok(row.includes(figure), `${figure} in ${row}`);
  // Each place reveals its own row.
  const before = (await posted()).length;
  await rows.first().locator('.kpi-places button').nth(1).click();
  const message = (await posted()).slice(before).find((m) => m.type === 'reveal');
  assert.equal(message?.range?.start?.line, text.split('\n').findIndex((l) => l.includes('[Water use]')));
  await update(fixture);
});

check(
  "linked reports: a column for the other language version and one for last year's report, the difference highlighted, a click reveals it there",
  async () => {
    // The real engine follows the planted copy's links through an in-memory workspace of examples/cross-report.
    const base = 'file:///workspace/cross-report/';
    const read = (relative) => readFileSync(join(repo, 'examples/cross-report', relative), 'utf8');
    const workspace = {
      resolve: (from, reference) => new URL(reference, from).href,
      read: (uri) => {
        if (!uri.startsWith(base)) return { ok: false, uri, refusal: 'outside-workspace', detail: uri };
        try {
          return { ok: true, uri, text: read(uri.slice(base.length)), decoded: { encoding: 'utf-8', bom: false } };
        } catch {
          return { ok: false, uri, refusal: 'not-found', detail: 'no such file' };
        }
      },
      list: () => [],
      contains: (uri) => uri.startsWith(base),
    };
    const uri = `${base}planted/drift-value.en.esg.md`;
    const analysis = engine.analyze({ uri, text: read('planted/drift-value.en.esg.md') });
    const view = engine.singleFileView(analysis);
    const cross = engine.crossReport(view, workspace, {});
    assert.deepEqual(
      cross.links.map((l) => l.kind),
      ['translation', 'previous'],
    );
    const model = { ...engine.getReportModel(analysis), linked: engine.linkedColumns(view, cross, analysis.locale) };
    const waste = model.kpiGroups.flatMap((g) => g.rows).find((r) => r.label === 'Non-hazardous waste');
    assert.ok(waste?.kpiId, 'the engine recognises the waste row');
    const [current, prior] = waste.values;
    const zhFigure = model.linked[0].figures[`${waste.kpiId}@${current.period}`];
    assert.deepEqual([zhFigure.raw, zhFigure.verdict], ['38.4 噸', 'different']);

    await update(model);
    await page.locator('#tab-kpis').click();
    const section = page.locator('section', { has: page.locator(`tr.kpi-row[data-kpi="${waste.kpiId}"]`) });
    assert.deepEqual(await section.locator('table.kpis th.col-linked').allInnerTexts(), [
      'Traditional Chinese version',
      "Last year's report",
    ]);
    const cells = page.locator(`tr.kpi-row[data-kpi="${waste.kpiId}"] td.col-linked`);
    assert.equal(await cells.count(), 2);
    // The Chinese version: this year's figure differs (highlighted, ≠), last year's agrees (=).
    const translation = cells.nth(0);
    assert.match(await translation.getAttribute('class'), /\blinked-differs\b/);
    const differing = translation.locator(`.linked-line[data-period="${current.period}"]`);
    assert.match(await differing.getAttribute('class'), /\blinked-different\b/);
    assert.equal(await differing.locator('button.linked-figure').innerText(), '38.4 噸');
    assert.equal(await differing.locator('.linked-badge').innerText(), '≠');
    assert.equal(await differing.locator('.linked-badge').getAttribute('title'), 'Differs from this report');
    const agreeing = translation.locator(`.linked-line[data-period="${prior.period}"]`);
    assert.match(await agreeing.getAttribute('class'), /\blinked-same\b/);
    assert.equal(await agreeing.locator('.linked-badge').innerText(), '=');
    const colour = (locator) => locator.evaluate((el) => getComputedStyle(el).color);
    assert.notEqual(
      await colour(differing.locator('button.linked-figure')),
      await colour(agreeing.locator('button.linked-figure')),
    );
    // Last year's report states only last year's figure, and it agrees.
    const previous = cells.nth(1);
    assert.doesNotMatch(await previous.getAttribute('class'), /linked-differs/);
    assert.equal(await previous.locator('.linked-line').count(), 1);
    assert.equal(await previous.locator('button.linked-figure').innerText(), '41.0 t');
    // A click reveals the figure in the other file.
    await differing.locator('button.linked-figure').click();
    assert.deepEqual(await lastPosted(), {
      type: 'reveal',
      uri: `${base}2025/report.zh-hant.esg.md`,
      range: zhFigure.range,
    });
    assert.equal(
      zhFigure.range.start.line,
      read('2025/report.zh-hant.esg.md')
        .split('\n')
        .findIndex((l) => l.startsWith('| 無害廢棄物 |')),
    );
    await page.screenshot({ path: join(artifacts, 'preview-linked.png'), fullPage: true });

    // Markup in a linked report's name or path stays text.
    const evil = '<img src=x onerror=alert(1)>';
    await update({ ...model, linked: model.linked.map((l) => ({ ...l, language: evil, path: evil })) });
    assert.ok((await section.locator('th.col-linked').allInnerTexts()).includes(`${evil} version`));
    assert.equal(await page.locator('#panel-kpis img').count(), 0);
    // A malformed figure is left out, and a column with no figure is not drawn.
    await update({
      ...model,
      linked: [
        {
          kind: 'translation',
          path: 'x',
          uri: 'x',
          language: 'x',
          figures: { [`${waste.kpiId}@${current.period}`]: { raw: 5, verdict: 'evil' }, ['__proto__']: null },
        },
      ],
    });
    assert.equal(await page.locator('th.col-linked').count(), 0);
    await update({ ...model, linked: 'not a list' });
    assert.equal(await page.locator('th.col-linked').count(), 0);
    assert.equal(await page.locator(`tr.kpi-row[data-kpi="${waste.kpiId}"]`).count(), 1);
  },
);

check('malformed messages and models do not break the page', async () => {
  await page.evaluate(() => {
    window.postMessage(null, '*');
    window.postMessage('update', '*');
    window.postMessage({ type: 'update' }, '*');
    window.postMessage({ type: 'update', model: { kpiGroups: [{ rows: [{ values: [{ raw: 5, range: 'x' }] }] }], ghg: [{ period: 1, scope1: 'a' }], scope3: 7 } }, '*');
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(await page.locator('#panel-kpis').isVisible());
  // A click on a figure without a range posts nothing.
  const before = (await posted()).length;
  await page.locator('button.figure').first().click();
  assert.equal((await posted()).length, before);
  await update(fixture);
  assert.equal(await page.locator('.chart-ghg canvas').count(), 1);
});

check('no CSP violation, no page error, nothing loaded from elsewhere', async () => {
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  const foreign = requests.filter((url) => !['/', '/index.html', '/preview.js', '/preview.css', '/favicon.ico'].includes(url));
  assert.deepEqual(foreign, []);
});

check('the HTML shell escapes its inputs and refuses a nonce that could break the policy', () => {
  const html = htmlModule.previewHtml({ scriptUri: 'https://x/a".js', styleUri: 'https://x/<s>.css', cspSource: 'https://x', nonce: 'abcdefghijklmnop0123', locale: 'zh-Hans' });
  assert.ok(html.includes('src="https://x/a&quot;.js"'));
  assert.ok(html.includes('href="https://x/&lt;s&gt;.css"'));
  assert.ok(html.includes('<html lang="zh-Hans">'));
  assert.ok(html.includes('正在等待 esgmark 语言服务器…'));
  assert.throws(() => htmlModule.previewHtml({ scriptUri: 'a', styleUri: 'b', cspSource: 'c', nonce: "x' 'unsafe-inline" }));
  assert.throws(() => htmlModule.previewHtml({ scriptUri: 'a', styleUri: 'b', cspSource: 'c', nonce: 'short' }));
  // A source expression cannot smuggle in another directive.
  assert.doesNotMatch(htmlModule.previewCsp("https://x; script-src 'unsafe-inline'", 'abcdefghijklmnop0123'), /; script-src 'unsafe-inline'/);
});
