import { mergeArea, type Area, type AreaLayer } from './area.js';
import type { AreaSourceError } from './area-source-error.js';
import { canonicalize, dirOf, relativeTo } from './owners/go-path.js';
import { loadRepoOwners, type LoadRepoOwnersInput } from './owners/load-repo-owners.js';

export interface OwnersLayerInput extends Omit<LoadRepoOwnersInput, 'files' | 'aliases'> {
  /** OWNERS files by path. */
  ownersFiles: ReadonlyMap<string, string>;
  /** The root OWNERS_ALIASES content, if any. */
  aliases: string | null;
  /** Label prefixes that name an area (`sig/`, `area/`). */
  labelPrefixes: readonly string[];
}

/**
 * Areas from Kubernetes OWNERS files (prow semantics). Each OWNERS directory is an area named by its first label
 * with an area prefix (`sig/storage`), else by its path (`/` for the root); directories sharing a label form one
 * area. A path belongs to the area of the deepest OWNERS directory above it whose entries apply to it (a `filters:`
 * section only applies to files its regexp matches; others fall through to the parent, as in prow). A path's owners
 * are prow's approvers and reviewers for it: its OWNERS file and the parents', up to a `no_parent_owners` directory.
 */
export function buildOwnersLayer(input: OwnersLayerInput): AreaLayer & { errors: AreaSourceError[] } {
  const { ownersFiles, aliases, labelPrefixes, ...options } = input;
  const loaded = loadRepoOwners({ ...options, files: ownersFiles, aliases });
  const { state } = loaded.owners;
  const ownersDirs = new Set(loaded.ownersDirs);

  const valuesAt = (map: typeof state.approvers, dir: string) =>
    [...new Set((map.get(dir) ?? []).flatMap((entry) => [...entry.values]))].sort();
  const nameOf = (dir: string) => {
    const label = (loaded.dirLabels.get(dir) ?? []).find((l) => labelPrefixes.some((prefix) => l.startsWith(prefix)));
    return label ?? (dir === '' ? '/' : dir);
  };

  const registry = new Map<string, Area>();
  for (const dir of loaded.ownersDirs) {
    const approvers = valuesAt(state.approvers, dir);
    const reviewers = valuesAt(state.reviewers, dir);
    mergeArea(registry, {
      name: nameOf(dir),
      source: 'owners',
      owners: [...new Set([...approvers, ...reviewers])].sort(),
      approvers,
      reviewers,
      labels: [...(loaded.dirLabels.get(dir) ?? [])],
      definedBy: [dir],
    });
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

  return {
    areas: [...registry.values()],
    errors: loaded.errors,
    resolve: (path) => {
      const dir = areaDirOf(path);
      const owners = [...new Set([...loaded.owners.approvers(path), ...loaded.owners.reviewers(path)])].sort();
      return { areas: dir === null ? [] : [nameOf(dir)], owners };
    },
  };
}
