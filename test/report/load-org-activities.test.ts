import { describe, expect, it } from 'vitest';
import type { RepositoryActivity, RepositoryRecord } from '../../src/core/records.js';
import { loadOrgActivities } from '../../src/report/org/load-org-activities.js';
import type { Store } from '../../src/store/store.js';
import { anActivity, WINDOW } from '../metrics/builders.js';

const repositories: RepositoryRecord[] = Array.from({ length: 7 }, (_, i) => ({
  installationId: 1,
  repoId: 100 + i,
  fullName: `acme/repo-${i}`,
  defaultBranch: 'main',
  private: false,
}));

/**
 * A store whose reads finish in reverse order of their start (the later a read starts, the sooner it answers), that
 * no longer holds `gone` and fails on `failing`; it counts the reads in flight.
 */
function slowStore(options: { gone?: number; failing?: number } = {}) {
  const seen = { started: [] as number[], inFlight: 0, mostInFlight: 0 };
  const store: Pick<Store, 'loadActivity'> = {
    loadActivity: async (_installationId, repoId) => {
      seen.started.push(repoId);
      seen.inFlight += 1;
      seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5 * (repositories.length - seen.started.length)));
      seen.inFlight -= 1;
      if (repoId === options.failing) throw new Error(`read of ${repoId} failed`);
      if (repoId === options.gone) return undefined;
      const repository = repositories.find((r) => r.repoId === repoId)!;
      return { ...anActivity(), repository } satisfies RepositoryActivity;
    },
  };
  return { store, seen };
}

describe('loadOrgActivities', () => {
  it('reads a few repositories at a time and gives their activities in the order asked, leaving out what the store no longer holds', async () => {
    const { store, seen } = slowStore({ gone: 103 });
    const activities = await loadOrgActivities(store, repositories, WINDOW);
    expect(activities.map((activity) => activity.repository.repoId)).toEqual([100, 101, 102, 104, 105, 106]);
    expect(seen.mostInFlight).toBe(3);
    expect(seen.started.toSorted()).toEqual(repositories.map((r) => r.repoId));
  });

  it('fails with the first failed read, and starts no more reads after it', async () => {
    const { store, seen } = slowStore({ failing: 101 });
    await expect(loadOrgActivities(store, repositories, WINDOW)).rejects.toThrow('read of 101 failed');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen.started.length).toBeLessThan(repositories.length);
  });
});
