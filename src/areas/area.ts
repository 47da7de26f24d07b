/** Where an area's definition came from. */
export type AreaSourceKind = 'config' | 'owners' | 'codeowners' | 'directory';

/**
 * A named part of the repository. Owners are normalized units: a user is a lower-case login without `@`
 * (`alice`), a team stays one `org/team` unit (fallacy-watch asks for no members permission), an email is kept as
 * written.
 */
export interface Area {
  name: string;
  source: AreaSourceKind;
  /** Approvers and reviewers together, sorted. */
  owners: string[];
  approvers: string[];
  reviewers: string[];
  /** Labels that place issues and PRs in the area. */
  labels: string[];
  /** What defines it: config patterns, OWNERS directories (`''` is the root), CODEOWNERS patterns or a top-level dir. */
  definedBy: string[];
}

/** How one path resolves: the areas it falls in and its owners (normalized, sorted). */
export interface PathResolution {
  areas: string[];
  owners: string[];
}

/** One source's view: its areas, and how a path resolves (`null`: this source does not claim the path). */
export interface AreaLayer {
  areas: Area[];
  resolve: (path: string) => PathResolution | null;
}

/** Normalizes an owner as written in any source: `@Alice` → `alice`, `@Org/Team` → `org/team`, emails unchanged. */
export function normalizeOwner(owner: string): string {
  const trimmed = owner.trim();
  if (!trimmed.startsWith('@') && trimmed.includes('@')) return trimmed;
  return (trimmed.startsWith('@') ? trimmed.slice(1) : trimmed).toLowerCase();
}

/** Adds an area to a by-name registry, merging owners, labels and definitions into an existing one of that name. */
export function mergeArea(registry: Map<string, Area>, area: Area): void {
  const existing = registry.get(area.name);
  if (!existing) {
    registry.set(area.name, area);
    return;
  }
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  existing.owners = union(existing.owners, area.owners);
  existing.approvers = union(existing.approvers, area.approvers);
  existing.reviewers = union(existing.reviewers, area.reviewers);
  existing.labels = [...new Set([...existing.labels, ...area.labels])];
  existing.definedBy = [...new Set([...existing.definedBy, ...area.definedBy])];
}
