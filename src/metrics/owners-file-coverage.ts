import type { AreaModel } from '../areas/area-model.js';

export interface OwnersFileCoverageInput {
  model: Pick<AreaModel, 'areasOf' | 'ownersOf'>;
  /** Every tracked file at the default branch head. */
  paths: readonly string[];
  /** Restrict to the files of one area; omit for the repository. */
  area?: string;
}

/**
 * `owners_file_coverage`: the share (0–1) of files at the default branch head with at least one owner (a user, a
 * team or an email, as the area source names them). `null` when there are no files (in the area).
 */
export function computeOwnersFileCoverage({ model, paths, area }: OwnersFileCoverageInput): number | null {
  let files = 0;
  let owned = 0;
  for (const path of paths) {
    if (area !== undefined && !model.areasOf(path).includes(area)) continue;
    files += 1;
    if (model.ownersOf(path).length > 0) owned += 1;
  }
  return files === 0 ? null : owned / files;
}

/** The files without any owner, sorted: the list `report --json` and `areas --json` carry next to the coverage. */
export function listUnownedPaths(model: Pick<AreaModel, 'ownersOf'>, paths: readonly string[]): string[] {
  return paths.filter((path) => model.ownersOf(path).length === 0).sort();
}
