import type { AreaModel, AreaModelSource } from './area-model.js';
import type { AreaSourceError } from './area-source-error.js';

/** The `areas --json` contract (`schema: "fallacy-watch/areas@1"`, spec "areas --json contract"). */
export interface AreasReport {
  schema: 'fallacy-watch/areas@1';
  source: AreaModelSource;
  /** Tracked files. */
  files: number;
  /** Files with at least one owner. */
  owned: number;
  /** `owned / files`, 4 decimals; `null` for a repository without files. */
  coverage: number | null;
  areas: { area: string; owners: string[]; files: number }[];
  unowned: string[];
  errors: AreaSourceError[];
  /** With `--files`: every path with its owners and areas. */
  paths?: { path: string; owners: string[]; areas: string[] }[];
}

/**
 * Resolves every path against the model and summarizes it in the `areas --json` contract. Owners are shown as
 * GitHub spells them (`@alice`, `@org/team`, emails as written). Areas are sorted by name, paths as given.
 */
export function buildAreasReport(model: AreaModel, paths: readonly string[], withFiles = false): AreasReport {
  const fileCounts = new Map<string, number>();
  const unowned: string[] = [];
  const resolved: NonNullable<AreasReport['paths']> = [];
  for (const path of paths) {
    const owners = model.ownersOf(path);
    const areas = model.areasOf(path);
    if (owners.length === 0) unowned.push(path);
    for (const area of areas) fileCounts.set(area, (fileCounts.get(area) ?? 0) + 1);
    if (withFiles) resolved.push({ path, owners: owners.map(displayOwner), areas });
  }
  const owned = paths.length - unowned.length;
  const report: AreasReport = {
    schema: 'fallacy-watch/areas@1',
    source: model.source,
    files: paths.length,
    owned,
    coverage: paths.length === 0 ? null : Math.round((owned / paths.length) * 10_000) / 10_000,
    areas: [...model.areas]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((area) => ({ area: area.name, owners: area.owners.map(displayOwner), files: fileCounts.get(area.name) ?? 0 })),
    unowned: unowned.sort(),
    errors: model.errors,
  };
  if (withFiles) report.paths = resolved;
  return report;
}

/** `alice` → `@alice`, `org/team` → `@org/team`; an email stays as written. */
export function displayOwner(owner: string): string {
  return owner.includes('@') ? owner : `@${owner}`;
}
