import { mergeArea, type Area, type AreaLayer } from './area.js';
import type { AreaSourceError } from './area-source-error.js';
import { canonicalize, dirOf, relativeTo } from './owners/go-path.js';
import { loadRepoOwners, type LoadRepoOwnersInput } from './owners/load-repo-owners.js';
import type { OwnersEntry } from './owners/repo-owners.js';

export interface OwnersLayerInput extends Omit<LoadRepoOwnersInput, 'files' | 'aliases'> {
  /** OWNERS files by path. */
  ownersFiles: ReadonlyMap<string, string>;
  /** The root OWNERS_ALIASES content, if any. */
  aliases: string | null;
  /** Label prefixes that name an area (`sig/`, `area/`). */
  labelPrefixes: readonly string[];
}

/**
 * Areas from Kubernetes OWNERS files, as prow's owners-label plugin labels a PR touching a file. A file's labels are
 * prow's `FindLabelsForFile`: the union, from its directory up to the root (stopping at a `no_parent_owners`
 * directory), of the labels of the OWNERS entries that apply to it (no filter, or a `filters:` regexp matching its
 * path relative to that OWNERS directory). Its areas are those labels with an area prefix (`sig/storage`,
 * `area/annual-reports`; several when it has several), or, when it has none, the directory of the nearest OWNERS
 * file that applies to it, by path (`/` for the root). A label area's approvers and reviewers are those of the OWNERS
 * entries that carry the label (with their directory's unfiltered ones); a directory area's are its OWNERS file's.
 * A path's owners are prow's approvers and reviewers for it: its OWNERS file and the parents', up to a
 * `no_parent_owners` directory.
 */
export function buildOwnersLayer(input: OwnersLayerInput): AreaLayer & { errors: AreaSourceError[] } {
  const { ownersFiles, aliases, labelPrefixes, ...options } = input;
  const loaded = loadRepoOwners({ ...options, files: ownersFiles, aliases });
  const { owners } = loaded;
  const { state } = owners;
  const ownersDirs = new Set(loaded.ownersDirs);
  const isAreaLabel = (label: string) => labelPrefixes.some((prefix) => label.startsWith(prefix));
  const dirName = (dir: string) => (dir === '' ? '/' : dir);

  const sameFilter = (a: OwnersEntry, b: OwnersEntry) => (a.filter?.source ?? null) === (b.filter?.source ?? null);
  const peopleAt = (map: typeof state.approvers, dir: string, scope?: OwnersEntry) =>
    [
      ...new Set(
        (map.get(dir) ?? [])
          .filter((entry) => scope === undefined || entry.filter === null || sameFilter(entry, scope))
          .flatMap((entry) => [...entry.values]),
      ),
    ].sort();

  const registry = new Map<string, Area>();
  const addDirArea = (dir: string) => {
    if (registry.has(dirName(dir))) return;
    const approvers = peopleAt(state.approvers, dir);
    const reviewers = peopleAt(state.reviewers, dir);
    mergeArea(registry, {
      name: dirName(dir),
      source: 'owners',
      owners: union(approvers, reviewers),
      approvers,
      reviewers,
      labels: (loaded.dirLabels.get(dir) ?? []).filter((label) => !isAreaLabel(label)),
      definedBy: [dir],
    });
  };
  for (const dir of loaded.ownersDirs) {
    for (const entry of state.labels.get(dir) ?? []) {
      const approvers = peopleAt(state.approvers, dir, entry);
      const reviewers = peopleAt(state.reviewers, dir, entry);
      for (const label of [...entry.values].filter(isAreaLabel)) {
        mergeArea(registry, { name: label, source: 'owners', owners: union(approvers, reviewers), approvers, reviewers, labels: [label], definedBy: [dir] });
      }
    }
  }

  const appliesAt = (dir: string, path: string) => {
    const relative = relativeTo(dir, path);
    return [state.approvers, state.reviewers, state.requiredReviewers, state.labels].some((map) =>
      (map.get(dir) ?? []).some((entry) => entry.filter === null || entry.filter.test(relative)),
    );
  };
  const areaDirOf = (path: string): string | null => {
    for (let dir = canonicalize(dirOf(path)); ; dir = canonicalize(dirOf(dir))) {
      if (ownersDirs.has(dir) && appliesAt(dir, path)) return dir;
      if (dir === '') return null;
    }
  };
  /** A path's area labels, else its nearest applying OWNERS directory (by path). */
  const areasOf = (path: string): string[] => {
    const labels = owners.findLabelsForFile(path).filter(isAreaLabel);
    if (labels.length > 0) return labels;
    const dir = areaDirOf(path);
    return dir === null ? [] : [dirName(dir)];
  };

  // A directory is an area of its own when a file its entries apply to can get no area label: for some scope of its
  // entries (no filter, or one filter), the labels of that scope and the parents' unfiltered ones (prow's walk, up to
  // no_parent_owners) name no area. Decided per directory, not per path, so building stays cheap on large trees.
  const scopeHasAreaLabel = (start: string, scope: string | null): boolean => {
    let found = false;
    for (let dir = start; ; dir = canonicalize(dirOf(dir))) {
      const applies = (entry: OwnersEntry) => entry.filter === null || (dir === start && entry.filter.source === scope);
      const labels = (state.labels.get(dir) ?? []).filter(applies).flatMap((entry) => [...entry.values]);
      if (labels.some(isAreaLabel)) found = true;
      if (dir === '' || (state.options.get(dir)?.noParentOwners && labels.length > 0)) return found;
    }
  };
  for (const dir of loaded.ownersDirs) {
    const entries = [state.approvers, state.reviewers, state.requiredReviewers, state.labels].flatMap((map) => map.get(dir) ?? []);
    const scopes = new Set(entries.map((entry) => entry.filter?.source ?? null));
    if ([...scopes].some((scope) => !scopeHasAreaLabel(dir, scope))) addDirArea(dir);
  }

  return {
    areas: [...registry.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    errors: loaded.errors,
    resolve: (path) => ({ areas: areasOf(path), owners: union(owners.approvers(path), owners.reviewers(path)) }),
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
