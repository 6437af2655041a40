// Where each rule is documented: a section of docs/rules.md, linked from every diagnostic (LSP
// `codeDescription.href`, SARIF `helpUri`). There is no hosted site yet, so the base is the rules
// page in the repository (package.json `repository`, GitHub's `blob/main/docs/...` form). It is
// one constant, overridable by the `esgmark.rulesDocumentationUrl` setting and `--docs-url`.

/** The rules documentation; a rule's section is `${RULES_DOCS_URL}#${ruleAnchor(id)}`. */
export const RULES_DOCS_URL = 'https://example.invalid/esgmark/blob/main/docs/rules.md';

/**
 * The anchor a Markdown renderer (GitHub, VS Code) gives the heading `## <rule id>`: lower case, every
 * character other than letters, digits, `-` and `_` dropped (`kpi/unknown-unit` → `kpiunknown-unit`).
 */
export function ruleAnchor(ruleId: string): string {
  return ruleId
    .toLowerCase()
    .replace(/[^a-z0-9_ -]/g, '')
    .replace(/ /g, '-');
}

/** The documentation link of a rule; `base` replaces RULES_DOCS_URL (its own `#…` is dropped). */
export function ruleDocsUrl(ruleId: string, base: string = RULES_DOCS_URL): string {
  const page = base.replace(/#.*$/, '');
  return `${page}#${ruleAnchor(ruleId)}`;
}
