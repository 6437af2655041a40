// The preview panel's HTML shell, built in the extension host (no DOM here). Everything the page shows
// is rendered later by preview.js from `update` messages; the shell only loads the script and the
// stylesheet under a strict Content Security Policy: no inline script or style, nothing from the network.
import { label, uiLocale } from './i18n';

export interface PreviewHtmlOptions {
  /** `webview.asWebviewUri(dist/webview/preview.js)` as a string. */
  scriptUri: string;
  /** `webview.asWebviewUri(dist/webview/preview.css)` as a string. */
  styleUri: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per rendering of the HTML (letters and digits). */
  nonce: string;
  /** The report's or VS Code's locale; picks the language of the text shown before the first update. */
  locale?: string;
}

/** Escapes a value for a double-quoted HTML attribute or for text content. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A nonce may only be base64 characters; anything else would let a caller break out of the policy. */
function checkedNonce(nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce))
    throw new Error('previewHtml: the nonce must be at least 16 base64 characters');
  return nonce;
}

/** The CSP the page runs under; exported so that tests assert the same string. */
export function previewCsp(cspSource: string, nonce: string): string {
  // cspSource is a scheme-and-host source expression from VS Code; strip anything that could end the directive.
  const source = cspSource.replace(/[;,\s]/g, '');
  const n = checkedNonce(nonce);
  return [
    "default-src 'none'",
    `script-src 'nonce-${n}'`,
    `style-src ${source} 'nonce-${n}'`,
    `img-src ${source} data:`,
    `font-src ${source}`,
  ].join('; ');
}

export function previewHtml(options: PreviewHtmlOptions): string {
  const locale = uiLocale(options.locale);
  const nonce = checkedNonce(options.nonce);
  const csp = previewCsp(options.cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}" nonce="${nonce}">
<title>esgmark</title>
</head>
<body>
<main id="root"><p class="placeholder">${escapeHtml(label(locale, 'loading'))}</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
