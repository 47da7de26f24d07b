import type { AreaModel } from '../areas/area-model.js';
import type { RepositoryActivity } from '../core/records.js';

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

  const filesOf = filesLookup(activity.pullRequestFiles);
  const names = new Set<string>();
  for (const pr of activity.pullRequests) {
    names.clear();
    for (const name of areasForLabels(pr.labels)) names.add(name);
    if (model) for (const path of filesOf(pr.number)) for (const name of model.areasOf(path)) names.add(name);
    for (const name of names) areaNamed(name, 'labels').prNumbers.add(pr.number);
  }
  for (const issue of activity.issues) {
    for (const name of areasForLabels(issue.labels)) areaNamed(name, 'labels').issueNumbers.add(issue.number);
  }
  return [...areas.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A PR's paths by number, for PRs asked in ascending order: files come in number order from the store, so a walk
 * along them finds each PR's without building a map of a report's hundred thousand; other orders use a map.
 */
function filesLookup(files: ReadonlyArray<{ prNumber: number; paths: readonly string[] }>): (prNumber: number) => readonly string[] {
  const none: readonly string[] = [];
  let sorted = true;
  for (let i = 1; i < files.length && sorted; i += 1) sorted = files[i - 1]!.prNumber < files[i]!.prNumber;
  if (!sorted) {
    const byNumber = new Map(files.map((record) => [record.prNumber, record.paths]));
    return (prNumber) => byNumber.get(prNumber) ?? none;
  }
  let at = 0;
  let last = -Infinity;
  return (prNumber) => {
    if (prNumber < last) at = 0;
    last = prNumber;
    while (at < files.length && files[at]!.prNumber < prNumber) at += 1;
    return at < files.length && files[at]!.prNumber === prNumber ? files[at]!.paths : none;
  };
}
