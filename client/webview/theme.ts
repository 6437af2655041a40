// Colours for the charts, read from the `--vscode-*` variables VS Code sets on the webview's <html>
// element. Canvas charts cannot use CSS variables directly, so the palette is read in JS and the charts
// are drawn again whenever VS Code switches theme (it changes the body class and the variables).

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface Palette {
  kind: ThemeKind;
  foreground: string;
  muted: string;
  grid: string;
  border: string;
  focus: string;
  red: string;
  blue: string;
  green: string;
  yellow: string;
  orange: string;
  purple: string;
  fontFamily: string;
  fontSize: number;
}

// VS Code's own defaults for these colours (colorRegistry), used when a variable is missing, e.g. in an
// old VS Code or when the page is opened outside VS Code.
const DEFAULTS: Record<ThemeKind, Omit<Palette, 'kind' | 'fontFamily' | 'fontSize'>> = {
  light: {
    foreground: '#3b3b3b',
    muted: '#717171',
    grid: 'rgba(59, 59, 59, 0.18)',
    border: 'transparent',
    focus: '#005fb8',
    red: '#e51400',
    blue: '#1a85ff',
    green: '#388a34',
    yellow: '#bf8803',
    orange: '#d18616',
    purple: '#652d90',
  },
  dark: {
    foreground: '#cccccc',
    muted: '#9d9d9d',
    grid: 'rgba(204, 204, 204, 0.18)',
    border: 'transparent',
    focus: '#0078d4',
    red: '#f14c4c',
    blue: '#3794ff',
    green: '#89d185',
    yellow: '#cca700',
    orange: '#d18616',
    purple: '#b180d7',
  },
  'high-contrast': {
    foreground: '#ffffff',
    muted: '#ffffff',
    grid: 'rgba(255, 255, 255, 0.5)',
    border: '#6fc3df',
    focus: '#f38518',
    red: '#f14c4c',
    blue: '#3794ff',
    green: '#89d185',
    yellow: '#cca700',
    orange: '#d18616',
    purple: '#b180d7',
  },
  'high-contrast-light': {
    foreground: '#292929',
    muted: '#292929',
    grid: 'rgba(41, 41, 41, 0.5)',
    border: '#0f4a85',
    focus: '#006bbd',
    red: '#b5200d',
    blue: '#0f4a85',
    green: '#374e06',
    yellow: '#895503',
    orange: '#8f5a00',
    purple: '#652d90',
  },
};

export function themeKind(body: HTMLElement = document.body): ThemeKind {
  const classes = body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-light')) return 'light';
  if (classes.contains('vscode-dark')) return 'dark';
  // Outside VS Code: follow the system.
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function readPalette(): Palette {
  const kind = themeKind();
  const style = getComputedStyle(document.documentElement);
  const fallback = DEFAULTS[kind];
  const css = (name: string, otherwise: string): string => style.getPropertyValue(name).trim() || otherwise;
  const foreground = css('--vscode-charts-foreground', css('--vscode-editor-foreground', fallback.foreground));
  const contrastBorder = kind.startsWith('high-contrast')
    ? css('--vscode-contrastBorder', fallback.border)
    : 'transparent';
  return {
    kind,
    foreground,
    muted: css('--vscode-descriptionForeground', fallback.muted),
    grid: css('--vscode-charts-lines', fallback.grid),
    border: contrastBorder,
    focus: css('--vscode-focusBorder', fallback.focus),
    red: css('--vscode-charts-red', fallback.red),
    blue: css('--vscode-charts-blue', fallback.blue),
    green: css('--vscode-charts-green', fallback.green),
    yellow: css('--vscode-charts-yellow', fallback.yellow),
    orange: css('--vscode-charts-orange', fallback.orange),
    purple: css('--vscode-charts-purple', fallback.purple),
    fontFamily: css('--vscode-font-family', 'system-ui, sans-serif'),
    fontSize: Number.parseFloat(css('--vscode-font-size', '13')) || 13,
  };
}

export function paletteKey(p: Palette): string {
  return JSON.stringify(p);
}

/**
 * Calls `onChange` (at most once per frame) when the theme's colours change: VS Code swaps the body
 * class between vscode-light / vscode-dark / vscode-high-contrast and rewrites the variables in the
 * <html> style attribute, also between two themes of the same kind.
 */
export function watchTheme(onChange: (palette: Palette) => void): () => void {
  let current = paletteKey(readPalette());
  let scheduled = false;
  const check = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const palette = readPalette();
      const key = paletteKey(palette);
      if (key === current) return;
      current = key;
      onChange(palette);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener?.('change', check);
  return () => {
    observer.disconnect();
    media?.removeEventListener?.('change', check);
  };
}
