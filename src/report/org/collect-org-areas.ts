import { compileCodeownersPattern } from '../../areas/codeowners/compile-codeowners-pattern.js';
import type { AreaModel } from '../../areas/area-model.js';
import type { OrgAreaConfig } from '../../config/org-config-schema.js';
import type { RepositoryActivity } from '../../core/records.js';
import { selectAreaMembers } from '../area-selection.js';
import { pooledItemNumber } from './pool-activities.js';

/** What `collectOrgAreas` reads of each repository. */
export interface OrgAreaSource {
  activity: RepositoryActivity;
  areaModel: AreaModel | null;
  /** The repository's own area label prefixes. */
  labelPrefixes: readonly string[];
}

/** Where an organisation area's items in one repository come from. */
export interface OrgAreaPart {
  repository: string;
  /** `org-config` (declared in the organisation config), or the repository's own area source (`owners`, `labels`, …). */
  source: string;
  /** The declared paths (empty: the whole repository); absent for a repository's own area. */
  paths?: string[];
}

/** One organisation area: its items across repositories, numbered as `poolActivities` numbers them. */
export interface OrgAreaMembers {
  name: string;
  /** Repositories with items in the area, by name, in pool order. */
  repositories: string[];
  /** Every place the area's items come from: declared parts first, then repositories' own areas of that name. */
  parts: OrgAreaPart[];
  /** Declared repositories the store does not hold (nothing of theirs is counted). */
  missingRepositories: string[];
  prNumbers: Set<number>;
  issueNumbers: Set<number>;
}

/**
 * The organisation's areas: every area name of any repository (an OWNERS label such as `sig/storage`, an area
 * label, a CODEOWNERS team) joins the same name elsewhere, and each area the organisation config declares takes the
 * PRs touching its paths (or all items) of the repositories it lists. A repository that has its own area of a
 * declared name adds those items too, and both parts are listed, so an override is shown, never silent. By name.
 */
export function collectOrgAreas(sources: readonly OrgAreaSource[], declared: readonly OrgAreaConfig[] = []): OrgAreaMembers[] {
  const areas = new Map<string, OrgAreaMembers>();
  const areaNamed = (name: string) => {
    let area = areas.get(name);
    if (!area) {
      area = { name, repositories: [], parts: [], missingRepositories: [], prNumbers: new Set(), issueNumbers: new Set() };
      areas.set(name, area);
    }
    return area;
  };
  const ordinals = new Map(sources.map((source, index) => [source.activity.repository.fullName.toLowerCase(), index + 1]));

  for (const area of declared) {
    const members = areaNamed(area.name);
    for (const part of area.repositories) {
      const ordinal = ordinals.get(part.repository.toLowerCase());
      if (ordinal === undefined) {
        members.missingRepositories.push(part.repository);
        continue;
      }
      const activity = sources[ordinal - 1]!.activity;
      members.parts.push({ repository: activity.repository.fullName, source: 'org-config', paths: part.paths });
      for (const number of selectDeclaredPullRequests(activity, part.paths)) members.prNumbers.add(pooledItemNumber(ordinal, number));
      if (part.paths.length === 0) for (const issue of activity.issues) members.issueNumbers.add(pooledItemNumber(ordinal, issue.number));
      addRepository(members, activity.repository.fullName);
    }
  }
  sources.forEach((source, index) => {
    const fullName = source.activity.repository.fullName;
    for (const member of selectAreaMembers(source.activity, source.areaModel, source.labelPrefixes)) {
      const area = areaNamed(member.name);
      if (member.prNumbers.size + member.issueNumbers.size === 0) continue;
      area.parts.push({ repository: fullName, source: member.source });
      for (const number of member.prNumbers) area.prNumbers.add(pooledItemNumber(index + 1, number));
      for (const number of member.issueNumbers) area.issueNumbers.add(pooledItemNumber(index + 1, number));
      addRepository(area, fullName);
    }
  });
  const order = new Map(sources.map((source, index) => [source.activity.repository.fullName, index]));
  for (const area of areas.values()) area.repositories.sort((a, b) => order.get(a)! - order.get(b)!);
  return [...areas.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function addRepository(area: OrgAreaMembers, fullName: string): void {
  if (!area.repositories.includes(fullName)) area.repositories.push(fullName);
}

/** The PRs of `activity` changing a file one of `paths` matches (CODEOWNERS semantics); every PR when `paths` is empty. */
function selectDeclaredPullRequests(activity: RepositoryActivity, paths: readonly string[]): number[] {
  if (paths.length === 0) return activity.pullRequests.map((pr) => pr.number);
  const patterns = paths.map((path) => compileCodeownersPattern(path));
  return activity.pullRequestFiles
    .filter((files) => files.paths.some((path) => patterns.some((pattern) => pattern.test(path))))
    .map((files) => files.prNumber);
}
