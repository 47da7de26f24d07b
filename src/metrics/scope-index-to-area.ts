import type { ActivityIndex } from './index-activity.js';

/** The items that belong to an area (from the area model: changed files for PRs, labels for issues). */
export interface AreaSelection {
  prNumbers: Iterable<number>;
  issueNumbers: Iterable<number>;
}

/**
 * An area's view of an index: its PRs and issues, and the milestones they reference. It shares the repository's
 * facts, so "first PR in the repository" stays repository-wide; releases are left out (they belong to the
 * repository, and release metrics are `null` for an area). O(area's items · log) once the index's item positions are
 * known (found once per index: a report takes a view for every area).
 */
export function scopeIndexToArea(index: ActivityIndex, selection: AreaSelection): ActivityIndex {
  const pullRequests = selectByNumber(index.pullRequests, selection.prNumbers);
  const issues = selectByNumber(index.issues, selection.issueNumbers);
  const milestoneNumbers = new Set<number>();
  for (const item of [...pullRequests, ...issues]) {
    if (item.record.milestoneNumber !== null) milestoneNumbers.add(item.record.milestoneNumber);
  }
  return {
    ...index,
    scope: 'area',
    pullRequests,
    issues,
    milestones: index.milestones.filter((milestone) => milestoneNumbers.has(milestone.record.number)),
    releases: [],
  };
}

type Numbered = { record: { number: number } };

/** Each item list's positions by item number (`null` when a number repeats), per list: index lists are not changed. */
const positionsByList = new WeakMap<readonly Numbered[], ReadonlyMap<number, number> | null>();

function positionsOf(items: readonly Numbered[]): ReadonlyMap<number, number> | null {
  let positions = positionsByList.get(items);
  if (positions === undefined || (positions !== null && positions.size !== items.length)) {
    const found = new Map<number, number>();
    for (let i = 0; i < items.length; i += 1) found.set(items[i]!.record.number, i);
    positions = found.size === items.length ? found : null;
    positionsByList.set(items, positions);
  }
  return positions;
}

/** The items whose numbers are in `numbers`, in the list's order. */
function selectByNumber<T extends Numbered>(items: readonly T[], numbers: Iterable<number>): T[] {
  const wanted = numbers instanceof Set ? (numbers as ReadonlySet<number>) : new Set(numbers);
  const positions = positionsOf(items);
  if (positions === null) return items.filter((item) => wanted.has(item.record.number));
  const at: number[] = [];
  for (const number of wanted) {
    const position = positions.get(number);
    if (position === undefined) continue;
    // A list changed since its positions were found: take the plain way.
    if (items[position]!.record.number !== number) return items.filter((item) => wanted.has(item.record.number));
    at.push(position);
  }
  at.sort((a, b) => a - b);
  return at.map((position) => items[position]!);
}
