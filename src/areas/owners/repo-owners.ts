import { canonicalize, dirOf, relativeTo } from './go-path.js';
import type { OwnersDirOptions, OwnersFilter } from './parse-owners-file.js';

/** One OWNERS section's contribution to a directory: the filter it applies under (`null`: every file) and its values. */
export interface OwnersEntry {
  filter: OwnersFilter | null;
  values: ReadonlySet<string>;
}

/** Directory (`''` is the root; with md-yaml, also a `.md` file path) → its entries. */
export type OwnersMap = ReadonlyMap<string, readonly OwnersEntry[]>;

/** Everything prow's `RepoOwners` knows after loading: what the queries below read. */
export interface RepoOwnersState {
  approvers: OwnersMap;
  advisoryApprovers: OwnersMap;
  reviewers: OwnersMap;
  requiredReviewers: OwnersMap;
  labels: OwnersMap;
  options: ReadonlyMap<string, OwnersDirOptions>;
  /** `.md` files carry their own owners in YAML front matter. */
  mdYaml: boolean;
}

/** prow's `RepoOwner` queries. Every list is sorted; logins are normalized (lower-case, no `@`). */
export interface RepoOwners {
  state: RepoOwnersState;
  /** The deepest directory whose approvers apply to the file (`''` for the root or none). */
  findApproverOwnersForFile: (path: string) => string;
  /** The deepest directory whose reviewers apply to the file. */
  findReviewersOwnersForFile: (path: string) => string;
  /** Labels of every OWNERS file from the file's directory up (stopping at `no_parent_owners`). */
  findLabelsForFile: (path: string) => string[];
  isNoParentOwners: (directory: string) => boolean;
  /** The closest approvers, advisory approvers excluded. */
  leafApprovers: (path: string) => string[];
  /** Approvers of the file's directory and its parents (up to a `no_parent_owners` directory). */
  approvers: (path: string) => string[];
  advisoryApprovers: (path: string) => string[];
  leafReviewers: (path: string) => string[];
  reviewers: (path: string) => string[];
  requiredReviewers: (path: string) => string[];
  topLevelApprovers: () => string[];
  allApprovers: () => string[];
  allReviewers: () => string[];
  allOwners: () => string[];
}

/** Wraps loaded OWNERS state in prow's lookup semantics (`pkg/repoowners`). Pure. */
export function createRepoOwners(state: RepoOwnersState): RepoOwners {
  const entriesForFile = (path: string, map: OwnersMap, leafOnly: boolean): Set<string> => {
    let dir = state.mdYaml && path.endsWith('.md') ? path : canonicalize(path);
    const out = new Set<string>();
    for (;;) {
      const relative = relativeTo(dir, path);
      for (const entry of map.get(dir) ?? []) {
        if (entry.filter === null || entry.filter.test(relative)) for (const value of entry.values) out.add(value);
      }
      if (leafOnly && out.size > 0) break;
      if (dir === '') break;
      if (state.options.get(dir)?.noParentOwners && out.size > 0) break;
      dir = canonicalize(dirOf(dir));
    }
    return out;
  };

  const findOwnersForFile = (path: string, map: OwnersMap): string => {
    for (let dir = path; dir !== ''; dir = canonicalize(dirOf(dir))) {
      const relative = relativeTo(dir, path);
      for (const entry of map.get(dir) ?? []) {
        if (entry.filter !== null && !entry.filter.test(relative)) continue;
        if (entry.values.size > 0) return dir;
      }
    }
    return '';
  };

  const all = (map: OwnersMap): string[] => {
    const out = new Set<string>();
    for (const entries of map.values()) for (const entry of entries) for (const value of entry.values) out.add(value);
    return sorted(out);
  };

  return {
    state,
    findApproverOwnersForFile: (path) => findOwnersForFile(path, state.approvers),
    findReviewersOwnersForFile: (path) => findOwnersForFile(path, state.reviewers),
    findLabelsForFile: (path) => sorted(entriesForFile(path, state.labels, false)),
    isNoParentOwners: (directory) => state.options.get(directory)?.noParentOwners ?? false,
    leafApprovers: (path) => {
      const advisory = entriesForFile(path, state.advisoryApprovers, false);
      return sorted([...entriesForFile(path, state.approvers, true)].filter((login) => !advisory.has(login)));
    },
    approvers: (path) => sorted(entriesForFile(path, state.approvers, false)),
    advisoryApprovers: (path) => sorted(entriesForFile(path, state.advisoryApprovers, false)),
    leafReviewers: (path) => sorted(entriesForFile(path, state.reviewers, true)),
    reviewers: (path) => sorted(entriesForFile(path, state.reviewers, false)),
    requiredReviewers: (path) => sorted(entriesForFile(path, state.requiredReviewers, false)),
    topLevelApprovers: () => sorted(entriesForFile('.', state.approvers, true)),
    allApprovers: () => all(state.approvers),
    allReviewers: () => all(state.reviewers),
    allOwners: () => sorted(new Set([...all(state.approvers), ...all(state.reviewers)])),
  };
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}
