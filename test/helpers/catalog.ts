// Read-only access to the HKEX requirement catalog data file, so tests compare server output with the
// catalog's own texts instead of copies of them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';

export interface CatalogRequirement {
  id: string;
  obligation: string;
  title: { en: string; 'zh-Hant': string; 'zh-Hans': string };
  text: { en: string; 'zh-Hant': string; 'zh-Hans': string };
}

let cached: CatalogRequirement[] | undefined;

export function catalogRequirements(): CatalogRequirement[] {
  cached ??= (
    JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'server', 'src', 'engine', 'catalogs', 'data', 'hkex-esg-2025.json'), 'utf8'),
    ) as {
      requirements: CatalogRequirement[];
    }
  ).requirements;
  return cached;
}

export function requirement(id: string): CatalogRequirement {
  const found = catalogRequirements().find((r) => r.id === id);
  if (!found) throw new Error(`catalog has no requirement ${id}`);
  return found;
}
