import type { AreaSourceError } from '../area-source-error.js';
import { expandAliases } from './expand-aliases.js';
import { compileGoRegexp } from './compile-go-regexp.js';
import { canonicalize, dirOf } from './go-path.js';
import { listIgnoredOwnersDirs, type OwnersDirDenylist } from './list-ignored-owners-dirs.js';
import { normalizeLogins } from './normalize-login.js';
import { parseOwnersAliases, OwnersAliasesError, type OwnersAliases } from './parse-owners-aliases.js';
import { parseOwnersFile, type OwnersConfig, type OwnersDirOptions, type OwnersFilter, type OwnersSection } from './parse-owners-file.js';
import { createRepoOwners, type OwnersEntry, type RepoOwners } from './repo-owners.js';

export const OWNERS_FILENAME = 'OWNERS';
export const OWNERS_ALIASES_FILENAME = 'OWNERS_ALIASES';

export interface LoadRepoOwnersInput {
  /** Repo-relative path → content of every OWNERS file (and, with `mdYaml`, `.md` files) to consider. */
  files: ReadonlyMap<string, string>;
  /** The root OWNERS_ALIASES content, `null` when the repository has none. */
  aliases?: string | null;
  /** Read owners from `.md` front matter (prow's `mdyamlrepos`). Default `false`. */
  mdYaml?: boolean;
  denylist?: OwnersDirDenylist;
  org?: string;
  repo?: string;
  /**
   * Repository collaborators: when given, approvers and reviewers who are not collaborators are dropped (prow's
   * default); `undefined` keeps everyone (prow's `skip_collaborators`, and what fallacy-watch does, having no
   * collaborator list).
   */
  collaborators?: readonly string[];
}

export interface LoadedRepoOwners {
  owners: RepoOwners;
  /** Directories that have a loaded OWNERS file (denylisted ones excluded), sorted; `''` is the root. */
  ownersDirs: string[];
  /** OWNERS directory → the file's own (not inherited) labels, in file order. */
  dirLabels: ReadonlyMap<string, string[]>;
  aliases: OwnersAliases | null;
  errors: AreaSourceError[];
}

type MutableMap = Map<string, OwnersEntry[]>;

/**
 * Loads OWNERS files with prow's semantics: only files named `OWNERS` count (and `.md` front matter with `mdYaml`);
 * directories matching the denylist (default: `vendor/.*\/.*`, `.git`, `_output`) are skipped with everything below
 * them; aliases from OWNERS_ALIASES are expanded case-insensitively; logins are normalized; with `collaborators`,
 * non-collaborator approvers and reviewers are dropped (required reviewers and labels are kept). Unreadable files and
 * alias files are reported and skipped.
 */
export function loadRepoOwners(input: LoadRepoOwnersInput): LoadedRepoOwners {
  const errors: AreaSourceError[] = [];
  let aliases: OwnersAliases | null = null;
  if (input.aliases !== undefined && input.aliases !== null) {
    try {
      aliases = parseOwnersAliases(input.aliases);
    } catch (error) {
      const line = error instanceof OwnersAliasesError ? error.line : null;
      errors.push({ file: OWNERS_ALIASES_FILENAME, line, message: (error as Error).message });
    }
  }
  const denylist = listIgnoredOwnersDirs(input.denylist ?? {}, input.org, input.repo).flatMap((pattern) => {
    try {
      return [compileGoRegexp(pattern)];
    } catch {
      errors.push({ file: OWNERS_FILENAME, line: null, message: `invalid OWNERS dir denylist regexp ${JSON.stringify(pattern)}` });
      return [];
    }
  });
  const isDenied = (directory: string) => ancestorsOf(directory).some((dir) => denylist.some((re) => re.test(dir)));

  const maps = {
    approvers: new Map() as MutableMap,
    advisoryApprovers: new Map() as MutableMap,
    reviewers: new Map() as MutableMap,
    requiredReviewers: new Map() as MutableMap,
    labels: new Map() as MutableMap,
  };
  const options = new Map<string, OwnersDirOptions>();
  const ownersDirs: string[] = [];
  const dirLabels = new Map<string, string[]>();
  const mdYaml = input.mdYaml ?? false;

  const apply = (key: string, sections: OwnersSection[], dirOptions: OwnersDirOptions) => {
    for (const { filter, config } of sections) applyConfig(maps, key, filter, config, aliases);
    if (dirOptions.noParentOwners || dirOptions.autoApproveUnownedSubfolders) options.set(key, dirOptions);
  };

  for (const path of [...input.files.keys()].sort()) {
    const content = input.files.get(path) ?? '';
    const directory = canonicalize(dirOf(path));
    const filename = path.slice(path.lastIndexOf('/') + 1);
    if (isDenied(directory)) continue;
    if (mdYaml && filename.endsWith('.md')) {
      const config = readMarkdownFrontMatter(content);
      if (config) apply(path, [{ filter: null, config: config.config }], config.options);
      continue;
    }
    if (filename !== OWNERS_FILENAME) continue;
    const parsed = parseOwnersFile(content);
    for (const problem of parsed.problems) errors.push({ file: path, ...problem });
    apply(directory, parsed.sections, parsed.options);
    ownersDirs.push(directory);
    dirLabels.set(directory, [...new Set(parsed.sections.flatMap((section) => section.config.labels))]);
  }

  if (input.collaborators) {
    const keep = normalizeLogins(input.collaborators);
    for (const map of [maps.approvers, maps.reviewers]) {
      for (const [key, entries] of map) {
        map.set(key, entries.map((entry) => ({ filter: entry.filter, values: new Set([...entry.values].filter((v) => keep.has(v))) })));
      }
    }
  }

  const owners = createRepoOwners({ ...maps, options, mdYaml });
  return { owners, ownersDirs, dirLabels, aliases, errors };
}

function applyConfig(
  maps: Record<'approvers' | 'advisoryApprovers' | 'reviewers' | 'requiredReviewers' | 'labels', MutableMap>,
  key: string,
  filter: OwnersFilter | null,
  config: OwnersConfig,
  aliases: OwnersAliases | null,
): void {
  const people = (logins: string[]) => expandAliases(normalizeLogins(logins), aliases);
  const set = (map: MutableMap, values: Set<string>) => {
    const entries = (map.get(key) ?? []).filter((entry) => entry.filter?.source !== filter?.source);
    map.set(key, [...entries, { filter, values }]);
  };
  if (config.approvers.length > 0) set(maps.approvers, people(config.approvers));
  if (config.advisoryApprovers.length > 0) set(maps.advisoryApprovers, people(config.advisoryApprovers));
  if (config.reviewers.length > 0) set(maps.reviewers, people(config.reviewers));
  if (config.requiredReviewers.length > 0) set(maps.requiredReviewers, people(config.requiredReviewers));
  if (config.labels.length > 0) set(maps.labels, new Set(config.labels));
}

/** `a/b/c` → `['.', 'a', 'a/b', 'a/b/c']`: the directories prow's walk visits on the way down (root is `.`). */
function ancestorsOf(directory: string): string[] {
  const out = ['.'];
  if (directory === '') return out;
  const segments = directory.split('/');
  for (let i = 1; i <= segments.length; i += 1) out.push(segments.slice(0, i).join('/'));
  return out;
}

/** prow's `decodeOwnersMdConfig`: a `---` YAML header at the very top of a `.md` file, read as a simple config. */
function readMarkdownFrontMatter(content: string): { config: OwnersConfig; options: OwnersDirOptions } | null {
  if (!/^---\n[\s\S]*\n---/.test(content)) return null;
  // The first YAML document of the header: the lines between the opening `---` and the next `---`.
  const lines = content.split('\n');
  const end = lines.indexOf('---', 1);
  const parsed = parseOwnersFile(lines.slice(1, end === -1 ? undefined : end).join('\n'));
  const section = parsed.sections.find((s) => s.filter === null);
  return section ? { config: section.config, options: parsed.options } : null;
}
