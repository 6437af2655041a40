// The panel's charts, drawn with Chart.js on <canvas> (nothing injected into the page's styles, so the
// strict CSP holds). Only the pieces used are registered, which keeps the bundle small. Charts are kept
// between updates when their data and the theme are unchanged: typing in the report re-renders the
// tables but does not rebuild dozens of sparklines.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { Palette } from './theme';
import { h } from './dom';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export interface Point {
  period: string;
  value: number;
}

interface Kept {
  element: HTMLElement;
  chart: Chart;
}

/** Charts of the last render by key; a key includes the data and the palette, so equal keys draw alike. */
export class ChartCache {
  private previous = new Map<string, Kept>();
  private next = new Map<string, Kept>();

  /** Returns the kept element for this key or makes a new chart. */
  take(key: string, make: () => Kept): HTMLElement {
    const kept = this.previous.get(key) ?? this.next.get(key);
    if (kept && !this.next.has(key)) {
      this.previous.delete(key);
      this.next.set(key, kept);
      return kept.element;
    }
    const made = make();
    // Two equal charts in one render (same KPI twice): keep both, under distinct keys.
    let unique = key;
    for (let i = 2; this.next.has(unique); i++) unique = `${key}#${i}`;
    this.next.set(unique, made);
    return made.element;
  }

  /** Ends a render: charts not used in it are destroyed. */
  commit(): void {
    for (const kept of this.previous.values()) kept.chart.destroy();
    this.previous = this.next;
    this.next = new Map();
  }

  clear(): void {
    for (const kept of [...this.previous.values(), ...this.next.values()]) kept.chart.destroy();
    this.previous.clear();
    this.next.clear();
  }

  get size(): number {
    return this.previous.size;
  }
}

/** Periods in time order ('FY2024' before 'FY2025', '2024/25' after '2023/24'), whatever the table's column order. */
export function chronological(periods: string[]): string[] {
  return [...periods].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function baseFont(p: Palette): { family: string; size: number } {
  return { family: p.fontFamily, size: Math.max(10, Math.round(p.fontSize * 0.85)) };
}

function canvasFor(ariaLabel: string, fallbackText: string): HTMLCanvasElement {
  // The canvas's content is what a screen reader or a text search reads instead of the drawing.
  return h('canvas', { attrs: { role: 'img', 'aria-label': ariaLabel } }, fallbackText);
}

export function sparkline(
  cache: ChartCache,
  points: Point[],
  palette: Palette,
  ariaLabel: string,
  format: (n: number) => string,
): HTMLElement {
  const key = `spark|${JSON.stringify(points)}|${JSON.stringify(palette)}|${ariaLabel}`;
  return cache.take(key, () => {
    const canvas = canvasFor(ariaLabel, points.map((p) => `${p.period}: ${format(p.value)}`).join(', '));
    canvas.width = 96;
    canvas.height = 26;
    const element = h('span', { class: 'sparkline' }, canvas);
    const last = points.length - 1;
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: points.map((p) => p.period),
        datasets: [
          {
            data: points.map((p) => p.value),
            borderColor: palette.blue,
            backgroundColor: palette.blue,
            borderWidth: palette.kind.startsWith('high-contrast') ? 2 : 1.5,
            pointRadius: points.map((_, i) => (i === last ? 2.5 : 0)),
            pointHoverRadius: 3,
            pointHitRadius: 6,
            tension: 0,
          },
        ],
      },
      options: {
        responsive: false,
        animation: false,
        events: ['mousemove', 'mouseout'],
        layout: { padding: 3 },
        scales: { x: { display: false }, y: { display: false, grace: '5%' } },
        plugins: {
          legend: { display: false },
          tooltip: {
            displayColors: false,
            bodyFont: baseFont(palette),
            titleFont: baseFont(palette),
            callbacks: { label: (item) => format(item.parsed.y ?? 0) },
          },
        },
      },
    };
    return { element, chart: new Chart(canvas, config) };
  });
}

export interface GhgLabels {
  title: string;
  scopes: [string, string, string];
  unit: string;
  total: string;
}

export function ghgChart(
  cache: ChartCache,
  rows: { period: string; scope1?: number; scope2?: number; scope3?: number }[],
  palette: Palette,
  labels: GhgLabels,
  format: (n: number) => string,
): HTMLElement {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const periods = chronological([...byPeriod.keys()]);
  const scopeKeys = ['scope1', 'scope2', 'scope3'] as const;
  const colours = [palette.blue, palette.orange, palette.purple];
  const series = scopeKeys.map((k) => periods.map((p) => byPeriod.get(p)?.[k] ?? null));
  const present = scopeKeys.map((_, i) => series[i]!.some((v) => v !== null));
  const key = `ghg|${JSON.stringify(rows)}|${JSON.stringify(palette)}|${JSON.stringify(labels)}`;
  return cache.take(key, () => {
    const description = periods
      .map(
        (p) =>
          `${p}: ${scopeKeys.map((k, i) => `${labels.scopes[i]} ${byPeriod.get(p)?.[k] === undefined ? '—' : format(byPeriod.get(p)![k]!)}`).join(', ')}`,
      )
      .join('; ');
    const canvas = canvasFor(`${labels.title} (${labels.unit})`, description);
    const element = h('div', { class: 'chart chart-ghg' }, canvas);
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: periods,
        datasets: scopeKeys
          .map((_, i) => ({
            label: labels.scopes[i]!,
            data: series[i]!,
            backgroundColor: colours[i]!,
            borderColor: palette.border,
            borderWidth: palette.border === 'transparent' ? 0 : 1,
            stack: 'ghg',
            maxBarThickness: 56,
          }))
          .filter((_, i) => present[i]),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: palette.foreground,
        font: baseFont(palette),
        scales: {
          x: {
            stacked: true,
            grid: { display: false },
            ticks: { color: palette.foreground, font: baseFont(palette) },
            border: { color: palette.grid },
          },
          y: {
            stacked: true,
            beginAtZero: true,
            grid: { color: palette.grid },
            border: { display: false },
            // The unit is in the figure's caption: a rotated axis title garbles Chinese text.
            ticks: {
              color: palette.muted,
              font: baseFont(palette),
              callback: (v) => format(Number(v)),
              maxTicksLimit: 6,
            },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { color: palette.foreground, font: baseFont(palette), boxWidth: 12, boxHeight: 12 },
          },
          tooltip: {
            mode: 'index',
            intersect: false,
            callbacks: {
              label: (item) => `${item.dataset.label}: ${format(item.parsed.y ?? 0)} ${labels.unit}`,
              footer: (items) =>
                `${labels.total}: ${format(items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0))} ${labels.unit}`,
            },
          },
        },
      },
    };
    return { element, chart: new Chart(canvas, config) };
  });
}

export function scope3Chart(
  cache: ChartCache,
  categories: { category: number; name: string; values: Record<string, number> }[],
  palette: Palette,
  labels: { title: string; unit: string },
  format: (n: number) => string,
): HTMLElement {
  const sorted = [...categories].sort((a, b) => a.category - b.category);
  const periods = chronological([...new Set(sorted.flatMap((c) => Object.keys(c.values)))]);
  // The latest period gets the strongest colour; earlier ones step through the palette.
  const colours = [palette.blue, palette.yellow, palette.green, palette.orange, palette.purple, palette.red];
  const key = `s3|${JSON.stringify(sorted)}|${JSON.stringify(palette)}|${JSON.stringify(labels)}`;
  return cache.take(key, () => {
    const description = sorted
      .map(
        (c) =>
          `${c.category}. ${c.name}: ${periods.map((p) => `${p} ${c.values[p] === undefined ? '—' : format(c.values[p]!)}`).join(', ')}`,
      )
      .join('; ');
    const canvas = canvasFor(`${labels.title} (${labels.unit})`, description);
    const element = h('div', { class: 'chart chart-scope3' }, canvas);
    // Height grows with the bars so that long category names stay readable (CSSOM, allowed by the CSP).
    element.style.height = `${Math.max(140, sorted.length * (14 + 10 * periods.length) + 60)}px`;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: sorted.map((c) => `${c.category}. ${c.name}`),
        datasets: periods
          .map((period, i) => ({
            label: period,
            data: sorted.map((c) => c.values[period] ?? null),
            backgroundColor: colours[(periods.length - 1 - i) % colours.length]!,
            borderColor: palette.border,
            borderWidth: palette.border === 'transparent' ? 0 : 1,
            maxBarThickness: 18,
          }))
          .reverse(),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: palette.foreground,
        font: baseFont(palette),
        scales: {
          x: {
            beginAtZero: true,
            grid: { color: palette.grid },
            border: { display: false },
            ticks: {
              color: palette.muted,
              font: baseFont(palette),
              callback: (v) => format(Number(v)),
              maxTicksLimit: 6,
            },
          },
          y: {
            grid: { display: false },
            ticks: { color: palette.foreground, font: baseFont(palette), autoSkip: false },
            border: { color: palette.grid },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            reverse: true,
            labels: { color: palette.foreground, font: baseFont(palette), boxWidth: 12, boxHeight: 12 },
          },
          tooltip: {
            callbacks: { label: (item) => `${item.dataset.label}: ${format(item.parsed.x ?? 0)} ${labels.unit}` },
          },
        },
      },
    };
    return { element, chart: new Chart(canvas, config) };
  });
}
