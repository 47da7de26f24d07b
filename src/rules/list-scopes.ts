import type { MetricSet } from '../metrics/types.js';
import type { RuleInput } from './types.js';

/** The repository or one area, with its metrics for the window and the previous window. */
export interface Scope {
  /** Area name, or `null` for the repository. */
  area: string | null;
  /** The area's owners (for the repository: none). */
  owners: string[];
  metrics: MetricSet;
  previous: MetricSet;
}

/**
 * The scopes a check looks at: `repository` (the repository only), `areas` (each area; the repository when there
 * are no areas, since it is then the only area) or `all` (the repository, then each area).
 */
export function listScopes(input: RuleInput, which: 'repository' | 'areas' | 'all'): Scope[] {
  const repository: Scope = { area: null, owners: [], metrics: input.repo.metrics, previous: input.repo.previous };
  const areas: Scope[] = input.areas.map((a) => ({
    area: a.area,
    owners: a.owners,
    metrics: a.metrics,
    previous: a.previous,
  }));
  if (which === 'repository') return [repository];
  if (which === 'areas') return areas.length > 0 ? areas : [repository];
  return [repository, ...areas];
}
