import type { AreaModel } from '../areas/area-model.js';
import type { RepositoryActivity } from '../core/records.js';

const NO_PATHS: readonly string[] = [];

/**
 * The areas of a PR's files and labels, per area model, remembered per paths and labels array: records a store keeps
 * between reads (the SQLite store's mirror) hand out the same arrays each time, so a check run places only the PRs
 * that changed; arrays read anew are placed anew and forgotten with them.
 */
const placements = new WeakMap<AreaModel, WeakMap<readonly string[], WeakMap<readonly string[], string[]>>>();

function placementsOf(model: AreaModel): WeakMap<readonly string[], WeakMap<readonly string[], string[]>> {
  let placed = placements.get(model);
  if (!placed) placements.set(model, (placed = new WeakMap()));
  return placed;
}

/** An area with the PRs and issues that belong to it. */
export interface AreaMembership {
  name: string;
  source: string;
  owners: string[];
  prNumbers: Set<number>;
  issueNumbers: Set<number>;
}

/**
 * Places PRs and issues in areas (spec "Area"): a PR belongs to every area one of its changed files falls in, and to
 * the areas its labels name; an issue to the areas its labels name. Without an area model (no checkout or tree at
 * hand) only labels with an area prefix (`area/…`, `sig/…`) place items. Areas are sorted by name.
 */
export function selectAreaMembers(
  activity: {
    pullRequests: ReadonlyArray<Pick<RepositoryActivity['pullRequests'][number], 'number' | 'labels'>>;
    issues: ReadonlyArray<Pick<RepositoryActivity['issues'][number], 'number' | 'labels'>>;
    pullRequestFiles: ReadonlyArray<Pick<RepositoryActivity['pullRequestFiles'][number], 'prNumber' | 'paths'>>;
  },
  model: AreaModel | null,
  labelPrefixes: readonly string[],
): AreaMembership[] {
  const areas = new Map<string, AreaMembership>();
  const areaNamed = (name: string, source: string, owners: string[] = []) => {
    let area = areas.get(name);
    if (!area) {
      area = { name, source, owners, prNumbers: new Set(), issueNumbers: new Set() };
      areas.set(name, area);
    }
    return area;
  };
  for (const area of model?.areas ?? []) areaNamed(area.name, area.source, area.owners);
  const areasForLabels = (labels: readonly string[]) =>
    model ? model.areasForLabels(labels) : labels.filter((label) => labelPrefixes.some((prefix) => label.startsWith(prefix)));

  const filesByPr = new Map(activity.pullRequestFiles.map((record) => [record.prNumber, record.paths]));
  const placed = model ? placementsOf(model) : null;
  for (const pr of activity.pullRequests) {
    const paths = filesByPr.get(pr.number) ?? NO_PATHS;
    let names = placed?.get(paths)?.get(pr.labels);
    if (!names) {
      const found = new Set(areasForLabels(pr.labels));
      if (model) for (const path of paths) for (const name of model.areasOf(path)) found.add(name);
      names = [...found];
      if (placed) {
        let byLabels = placed.get(paths);
        if (!byLabels) placed.set(paths, (byLabels = new WeakMap()));
        byLabels.set(pr.labels, names);
      }
    }
    for (const name of names) areaNamed(name, 'labels').prNumbers.add(pr.number);
  }
  for (const issue of activity.issues) {
    for (const name of areasForLabels(issue.labels)) areaNamed(name, 'labels').issueNumbers.add(issue.number);
  }
  return [...areas.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
