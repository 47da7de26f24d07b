import { describe, expect, it } from 'vitest';
import { expandAliases } from '../../../src/areas/owners/expand-aliases.js';
import { canonicalize } from '../../../src/areas/owners/go-path.js';
import { loadRepoOwners } from '../../../src/areas/owners/load-repo-owners.js';
import { parseOwnersAliases } from '../../../src/areas/owners/parse-owners-aliases.js';
import type { OwnersDirOptions } from '../../../src/areas/owners/parse-owners-file.js';
import { createRepoOwners, type OwnersEntry, type OwnersMap } from '../../../src/areas/owners/repo-owners.js';
import { readSharedFixture } from '../read-shared-fixture.js';

type People = Record<string, string[]>;
interface LoadCase {
  name: string;
  aliases_file: boolean;
  md_yaml: boolean;
  skip_collaborators: boolean;
  branch?: string;
  approvers: People;
  reviewers?: People;
  required_reviewers?: People;
  labels?: People;
  options?: Record<string, { no_parent_owners?: boolean; auto_approve_unowned_subfolders?: boolean }>;
}
interface DenylistCase {
  name: string;
  denylist_by_repo?: Record<string, string[]>;
  denylist_default?: string[];
  ignore_preconfigured_defaults?: boolean;
  include_dirs: string[];
  exclude_dirs?: string[];
}
interface Vectors {
  fixture_tree: Record<string, string>;
  owners_aliases_file: string;
  collaborators: string[];
  load_repo_owners_cases: LoadCase[];
  owners_dir_denylist_cases: DenylistCase[];
  regexp_filter_labels: { fixture_tree: Record<string, string>; expected_labels: People };
  approvers_lookup: {
    state: { approvers: Record<string, People>; options: Record<string, { no_parent_owners: boolean }> };
    cases: { file: string; owners_path: string; leaf_approvers: string[]; all_approvers: string[] }[];
  };
  advisory_approvers: {
    state: { approvers: People; advisory_approvers: People };
    cases: { file: string; leaf_approvers: string[]; all_approvers: string[]; advisory: string[] }[];
  };
  labels_for_path: { state: People; cases: People };
  canonicalize: Record<string, string>;
  expand_aliases: { aliases: People; cases: { in: string[]; out: string[] }[] };
  parse_aliases: { input: string; expected?: People; error?: string; note?: string }[];
  all_owners: {
    state: { approvers: People; reviewers: People };
    all_owners: string[];
    all_approvers: string[];
    all_reviewers: string[];
    top_level_approvers_example: { state: People; expected: string[] };
  };
}

const vectors = readSharedFixture<Vectors>('owners/repoowners_vectors.json');

/** The loaded map as `directory → sorted union of its entries`, the shape the vectors are written in. */
function flatten(map: OwnersMap): People {
  const out: People = {};
  for (const [dir, entries] of map) out[dir] = [...new Set(entries.flatMap((entry) => [...entry.values]))].sort();
  return out;
}
const sortedPeople = (people: People | undefined): People =>
  Object.fromEntries(Object.entries(people ?? {}).map(([dir, logins]) => [dir, [...logins].sort()]));

/** A state map with one unfiltered entry per directory. */
function plainMap(people: People): OwnersMap {
  return new Map(Object.entries(people).map(([dir, values]) => [dir, [{ filter: null, values: new Set(values) }]]));
}
const noOptions = new Map<string, OwnersDirOptions>();
const emptyState = { approvers: new Map(), advisoryApprovers: new Map(), reviewers: new Map(), requiredReviewers: new Map(), labels: new Map(), options: noOptions, mdYaml: false };

describe('loadRepoOwners (prow TestLoadRepoOwners)', () => {
  it.each(vectors.load_repo_owners_cases)('$name', (vector) => {
    const tree = { ...vectors.fixture_tree, ...(vector.branch ? { 'src/doc/OWNERS': 'approvers:\n- maggie' } : {}) };
    const loaded = loadRepoOwners({
      files: new Map(Object.entries(tree)),
      aliases: vector.aliases_file ? vectors.owners_aliases_file : null,
      mdYaml: vector.md_yaml,
      ...(vector.skip_collaborators ? {} : { collaborators: vectors.collaborators }),
    });
    const { state } = loaded.owners;
    expect(flatten(state.approvers)).toEqual(sortedPeople(vector.approvers));
    if (vector.reviewers) expect(flatten(state.reviewers)).toEqual(sortedPeople(vector.reviewers));
    if (vector.required_reviewers) expect(flatten(state.requiredReviewers)).toEqual(sortedPeople(vector.required_reviewers));
    if (vector.labels) expect(flatten(state.labels)).toEqual(sortedPeople(vector.labels));
    if (vector.options) {
      const options = Object.fromEntries(
        [...state.options].map(([dir, o]) => [dir, { no_parent_owners: o.noParentOwners, auto_approve_unowned_subfolders: o.autoApproveUnownedSubfolders }]),
      );
      expect(options).toEqual(vector.options);
    }
    expect(loaded.errors).toEqual([]);
  });
});

describe('loadRepoOwners OWNERS dir denylist (prow TestLoadRepoOwners denylist cases)', () => {
  it.each(vectors.owners_dir_denylist_cases)('$name', (vector) => {
    const loaded = loadRepoOwners({
      files: new Map(Object.entries(vectors.fixture_tree)),
      org: 'org',
      repo: 'repo',
      denylist: {
        ...(vector.denylist_default ? { default: vector.denylist_default } : {}),
        ...(vector.denylist_by_repo ? { repos: vector.denylist_by_repo } : {}),
        ...(vector.ignore_preconfigured_defaults ? { ignorePreconfiguredDefaults: true } : {}),
      },
    });
    for (const dir of vector.include_dirs) expect(loaded.ownersDirs).toContain(dir);
    for (const dir of vector.exclude_dirs ?? []) expect(loaded.ownersDirs).not.toContain(dir);
  });
});

describe('regexp filters scope labels (prow TestLoadRepoOwners regexp filters)', () => {
  const loaded = loadRepoOwners({ files: new Map(Object.entries(vectors.regexp_filter_labels.fixture_tree)) });
  it.each(Object.entries(vectors.regexp_filter_labels.expected_labels))('%s → %j', (file, labels) => {
    expect(loaded.owners.findLabelsForFile(file)).toEqual([...labels].sort());
  });
});

describe('approver lookup with filters and no_parent_owners (prow TestFindApproverOwnersForFile, TestApprovers)', () => {
  const { state, cases } = vectors.approvers_lookup;
  const approvers = new Map<string, OwnersEntry[]>(
    Object.entries(state.approvers).map(([dir, byFilter]) => [
      dir,
      Object.entries(byFilter).map(([filter, values]) => ({ filter: filter === '*' ? null : new RegExp(filter), values: new Set(values) })),
    ]),
  );
  const options = new Map(Object.entries(state.options).map(([dir, o]) => [dir, { noParentOwners: o.no_parent_owners, autoApproveUnownedSubfolders: false }]));
  const owners = createRepoOwners({ ...emptyState, approvers, options });
  it.each(cases)('$file', (vector) => {
    expect(owners.findApproverOwnersForFile(vector.file)).toBe(vector.owners_path);
    expect(owners.leafApprovers(vector.file)).toEqual(vector.leaf_approvers);
    expect(owners.approvers(vector.file)).toEqual(vector.all_approvers);
  });
});

describe('advisory approvers (prow#783)', () => {
  const { state, cases } = vectors.advisory_approvers;
  const owners = createRepoOwners({ ...emptyState, approvers: plainMap(state.approvers), advisoryApprovers: plainMap(state.advisory_approvers) });
  it.each(cases)('$file', (vector) => {
    expect(owners.leafApprovers(vector.file)).toEqual(vector.leaf_approvers);
    expect(owners.approvers(vector.file)).toEqual(vector.all_approvers);
    expect(owners.advisoryApprovers(vector.file)).toEqual(vector.advisory);
  });

  it('parses advisory_approvers from an OWNERS file as approvers that are not leaf approvers', () => {
    const loaded = loadRepoOwners({ files: new Map([['OWNERS', 'approvers:\n- alice\nadvisory_approvers:\n- anna']]) });
    expect(loaded.owners.approvers('x.go')).toEqual(['alice', 'anna']);
    expect(loaded.owners.leafApprovers('x.go')).toEqual(['alice']);
  });
});

describe('labels for a path (prow TestFindLabelsForPath)', () => {
  const owners = createRepoOwners({ ...emptyState, labels: plainMap(vectors.labels_for_path.state) });
  it.each(Object.entries(vectors.labels_for_path.cases))('%j → %j', (path, labels) => {
    expect(owners.findLabelsForFile(path)).toEqual(labels);
  });
});

describe('canonicalize (prow TestCanonicalize)', () => {
  it.each(Object.entries(vectors.canonicalize))('%j → %j', (input, output) => {
    expect(canonicalize(input)).toBe(output);
  });
});

describe('expandAliases (prow TestExpandAliases)', () => {
  const aliases = new Map(Object.entries(vectors.expand_aliases.aliases).map(([alias, members]) => [alias, new Set(members)]));
  it.each(vectors.expand_aliases.cases)('$in → $out', (vector) => {
    expect([...expandAliases(vector.in, aliases)].sort()).toEqual(vector.out);
  });
});

describe('parseOwnersAliases (prow TestParseAliasesConfig)', () => {
  it.each(vectors.parse_aliases.map((vector, i) => ({ ...vector, name: vector.error ? `error: ${vector.error}` : `case ${i + 1}` })))('$name', (vector) => {
    if (vector.error) {
      expect(() => parseOwnersAliases(vector.input)).toThrow(vector.error);
      return;
    }
    const parsed = parseOwnersAliases(vector.input);
    expect(Object.fromEntries([...parsed].map(([alias, members]) => [alias, [...members].sort()]))).toEqual(vector.expected);
  });
});

describe('all owners (prow TestAllOwners, TestAllApprovers, TestAllReviewers, TestTopLevelApprovers)', () => {
  const { state } = vectors.all_owners;
  const owners = createRepoOwners({ ...emptyState, approvers: plainMap(state.approvers), reviewers: plainMap(state.reviewers) });
  it('AllOwners', () => expect(owners.allOwners()).toEqual(vectors.all_owners.all_owners));
  it('AllApprovers', () => expect(owners.allApprovers()).toEqual(vectors.all_owners.all_approvers));
  it('AllReviewers', () => expect(owners.allReviewers()).toEqual(vectors.all_owners.all_reviewers));
  it('TopLevelApprovers', () => {
    const example = vectors.all_owners.top_level_approvers_example;
    expect(createRepoOwners({ ...emptyState, approvers: plainMap(example.state) }).topLevelApprovers()).toEqual(example.expected);
  });
});
