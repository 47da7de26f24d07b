import type { OrgConfig } from '../../config/org-config-schema.js';
import type { RepositoryRecord } from '../../core/records.js';

/** A repository the organisation report leaves out, and why. */
export interface LeftOutRepository {
  repository: string;
  reason: 'archived' | 'fork';
}

export interface OrgRepositorySelection<T extends RepositoryRecord> {
  included: T[];
  leftOut: LeftOutRepository[];
}

/** What the organisation report includes by default: neither archived nor forked repositories. */
export const DEFAULT_ORG_INCLUDE: OrgConfig['include'] = { archived: false, forks: false };

/**
 * The repositories an organisation report covers: archived ones (read-only, nobody can act on them) and forks (their
 * activity belongs to the upstream project) are left out unless `include` asks for them, and each left-out repository
 * is named with its reason. A repository whose flags are unknown (only an installation payload seen) is included.
 */
export function selectOrgRepositories<T extends RepositoryRecord>(
  records: readonly T[],
  include: OrgConfig['include'] = DEFAULT_ORG_INCLUDE,
): OrgRepositorySelection<T> {
  const included: T[] = [];
  const leftOut: LeftOutRepository[] = [];
  for (const record of records) {
    if (record.archived === true && !include.archived) leftOut.push({ repository: record.fullName, reason: 'archived' });
    else if (record.fork === true && !include.forks) leftOut.push({ repository: record.fullName, reason: 'fork' });
    else included.push(record);
  }
  leftOut.sort((a, b) => a.repository.localeCompare(b.repository));
  return { included, leftOut };
}
