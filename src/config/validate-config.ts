import type { z } from 'zod';
import { ruleIds } from '../rules/registry.js';
import { formatKeyPath, type ConfigProblem, type ConfigValidation, type KeyPath } from './config-problem.js';
import { createDefaultConfig, fallacyWatchConfigSchema, type FallacyWatchConfig } from './config-schema.js';
import { closestKey, knownKeysAt } from './suggest-key.js';

/** Finds the 1-based line of a key path in the source, when there is a source. */
export type LocateKeyPath = (path: KeyPath) => number | undefined;

type Issue = z.core.$ZodIssue;

/** Repair rounds before giving up and using the defaults; each round removes at least one offending value. */
const MAX_REPAIR_ROUNDS = 20;

/** Marks an array element for removal, so the indexes of other removals in the same round stay valid. */
const REMOVED = Symbol('removed');

/**
 * Validates a parsed `.github/fallacy-watch.yml` and never throws. Unknown keys become warnings (and are ignored);
 * a value of the wrong type or out of range becomes an error, and that key falls back to its default (a bad entry of
 * a list is dropped) while the rest of the config is kept. `null`/`undefined` (an empty file) means all defaults.
 * @param locate - adds line numbers to problems when the config came from YAML text
 */
export function validateConfig(raw: unknown, locate?: LocateKeyPath): ConfigValidation<FallacyWatchConfig> {
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const seen = new Set<string>();
  const report = (list: ConfigProblem[], path: KeyPath, message: string) => {
    const key = `${formatKeyPath(path)}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    const line = locate?.(path);
    list.push({ path: formatKeyPath(path), message, ...(line === undefined ? {} : { line }) });
  };
  const defaults = () => ({ config: createDefaultConfig(), errors, warnings });

  if (raw === null || raw === undefined) return defaults();
  if (!isPlainObject(raw)) {
    report(errors, [], `expected a mapping of keys, got ${Array.isArray(raw) ? 'a list' : typeof raw}; using the defaults`);
    return defaults();
  }
  let candidate: Record<string, unknown>;
  try {
    candidate = structuredClone(raw);
  } catch {
    report(errors, [], 'the configuration holds values that are not data; using the defaults');
    return defaults();
  }
  // `_extends` is Probot's config-inheritance key (the App's loader resolves it before validation); a local file may
  // still carry it. It is no setting of ours, so it is checked for shape and removed, never called unknown.
  if (EXTENDS_KEY in candidate) {
    const target = candidate[EXTENDS_KEY];
    if (typeof target !== 'string' || target.trim() === '') {
      report(errors, [EXTENDS_KEY], 'expected a repository to inherit from, like `.github` or `owner/repo:path/to/file.yml`; ignored');
    }
    delete candidate[EXTENDS_KEY];
  }
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const parsed = fallacyWatchConfigSchema.safeParse(candidate);
    if (parsed.success) return { config: parsed.data, errors, warnings };
    const removals: KeyPath[] = [];
    for (const issue of flattenIssues(parsed.error.issues)) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(warnings, [...issue.path, key], describeUnknownKey(issue.path, key));
          removals.push([...issue.path, key]);
        }
        continue;
      }
      const removal = findRemovalPath(candidate, issue.path);
      if (removal.length === 0) continue;
      const fallback = typeof removal.at(-1) === 'number' ? 'entry ignored' : 'using the default';
      report(errors, issue.path, `${describeIssue(issue, candidate)}; ${fallback}`);
      removals.push(removal);
    }
    if (removals.length === 0) break;
    removePaths(candidate, removals);
  }
  report(errors, [], 'the configuration could not be repaired; using the defaults');
  return defaults();
}

/** Replaces a union's "invalid input" by the issues of the branch the value nearly matched, when there is one. */
function flattenIssues(issues: readonly Issue[], prefix: KeyPath = []): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const near = issue.errors
        .filter((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0))
        .sort((a, b) => a.length - b.length)[0];
      if (near) return flattenIssues(near, path);
    }
    return [{ ...issue, path }];
  });
}

/** What to remove for an error at `path`: the list entry it is in, if any; else the key itself (or its nearest existing ancestor). */
function findRemovalPath(root: unknown, path: KeyPath): KeyPath {
  const lastIndex = path.findLastIndex((segment) => typeof segment === 'number');
  let removal = lastIndex >= 0 ? path.slice(0, lastIndex + 1) : path;
  while (removal.length > 0 && readPath(root, removal) === undefined) removal = removal.slice(0, -1);
  return removal;
}

/** Probot's key for inheriting another repository's config file. */
const EXTENDS_KEY = '_extends';

function describeUnknownKey(parent: KeyPath, key: string): string {
  if (parent.length === 1 && parent[0] === 'rules') {
    const near = closestKey(key, ruleIds);
    return near ? `unknown rule (ignored); did you mean \`${near}\`?` : `unknown rule (ignored); the rules are ${ruleIds.join(', ')}`;
  }
  const near = closestKey(key, knownKeysAt(fallacyWatchConfigSchema, parent).filter((known) => known !== key));
  return near ? `unknown key (ignored); did you mean \`${near}\`?` : 'unknown key (ignored)';
}

/** The issue's message, except a missing required key reads "`reason` is required" rather than a type mismatch. */
function describeIssue(issue: Issue, root: unknown): string {
  const last = issue.path.at(-1);
  if (issue.code === 'invalid_type' && typeof last === 'string' && readPath(root, issue.path) === undefined) {
    return `\`${last}\` is required (${issue.expected})`;
  }
  return issue.message;
}

function readPath(root: unknown, path: KeyPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Deletes object keys and drops list entries at `paths`, in place. */
function removePaths(root: Record<string, unknown>, paths: readonly KeyPath[]): void {
  for (const path of paths) {
    const parent = readPath(root, path.slice(0, -1));
    const last = path.at(-1);
    if (parent === null || typeof parent !== 'object' || last === undefined) continue;
    if (Array.isArray(parent) && typeof last === 'number') parent[last] = REMOVED;
    else delete (parent as Record<PropertyKey, unknown>)[last];
  }
  compactLists(root);
}

function compactLists(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const entries = Object.entries(value);
  for (const [key, child] of entries) {
    if (Array.isArray(child)) (value as Record<string, unknown>)[key] = child.filter((item) => item !== REMOVED);
    compactLists((value as Record<string, unknown>)[key]);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
