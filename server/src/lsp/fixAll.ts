// The `source.fixAll.esgmark` code action: every safe fix of the report in one edit, the kind editors
// run on save (`"editor.codeActionsOnSave": { "source.fixAll.esgmark": "explicit" }` in VS Code). It is
// offered only when the client asks for that kind (or for `source` / `source.fixAll`), never in the
// quick-fix menu, and only when there is something to fix.
import type { CodeAction as LspCodeAction, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import { actionKindAllowed } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.esgmark';

/** Whether a code action request asks for fix-all: `only` names it or a kind it belongs to. */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return !!only && only.length > 0 && actionKindAllowed(FIX_ALL_KIND, only);
}

/** The fix-all action for edits per uri, or undefined when there is no edit. */
export function fixAllAction(title: string, changes: Record<string, LspTextEdit[]>): LspCodeAction | undefined {
  const count = Object.values(changes).reduce((n, edits) => n + edits.length, 0);
  if (count === 0) return undefined;
  return { title, kind: FIX_ALL_KIND, edit: { changes } };
}
