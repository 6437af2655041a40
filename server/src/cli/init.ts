// `esgmark init [folder]`: writes a commented project file, `.esgmark.yaml`, that changes nothing
// until its lines are uncommented (every value below is esgmark's default or an example). Refuses to
// replace an existing file unless `--force`; written through the workspace gate like every write.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { statSync } from 'node:fs';
import { PROJECT_FILE_NAME } from '../engine';
import { NodeWorkspace } from '../host/workspace';
import { UsageError } from './args';

export const PROJECT_FILE_TEMPLATE = `# esgmark project file: defaults for every *.esg.md report in this folder and the folders below it.
# esgmark uses the nearest one above a report (never above the workspace: the editor's workspace
# folder, or on the command line --workspace, else the current directory). A report's own front
# matter overrides the issuer profile; explicit VS Code settings and command-line options override
# everything. Reference: docs/cli.md#the-project-file-esgmarkyaml

# The frameworks the reports are checked against (only the HKEX ESG Reporting Code for now).
frameworks: [hkex-esg-2025]

# Issuer profile, used where a report's front matter says nothing (esg.issuer-class, esg.year-end,
# esg.locale).
issuer:
  # board: main          # main or gem
  # largecap: false      # true: a LargeCap issuer (Part D mandatory for years from 1 January 2026)
  # year-end: "12-31"    # last day of the financial year, MM-DD in quotes ("03-31")
  # locale: zh-Hant      # en, zh-Hant or zh-Hans: the language of the messages

# Severity per rule: error, warning, information, hint or off ('esgmark rules' lists the ids).
rules:
  # kpi/unknown-unit: off
  # hkex/index-untagged: warning

# Unit spellings the company uses that esgmark does not know, each mapped to one it knows.
units:
  # 千度電: MWh

# More labels for catalog KPIs, as the company writes them (ids: 'esgmark kpis --format json').
kpis:
  # water.total: [自來水耗用總量]
`;

/** Writes the template; returns the path written. Throws UsageError for a folder that is not one. */
export function writeProjectFile(
  folder: string,
  force: boolean,
): { ok: true; file: string } | { ok: false; file: string; message: string } {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new UsageError(`cannot write ${PROJECT_FILE_NAME} in ${folder}: not a folder`);
  const file = path.join(folder, PROJECT_FILE_NAME);
  const result = new NodeWorkspace({ folders: [folder] }).create(pathToFileURL(file).href, PROJECT_FILE_TEMPLATE, {
    overwrite: force,
  });
  if (result.ok) return { ok: true, file };
  if (result.refusal === 'exists')
    return { ok: false, file, message: `${file} already exists; 'esgmark init --force' replaces it` };
  return {
    ok: false,
    file,
    message: `cannot write ${file}: ${result.refusal}${result.detail ? ` (${result.detail})` : ''}`,
  };
}
