import { describe, expect, it } from 'vitest';
import type { RepositoryActivity, RepositoryHistory } from '../../src/core/records.js';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import { poolActivities, pooledItemNumber, splitPooledItemNumber } from '../../src/report/org/pool-activities.js';
import { aComment, aPullRequest, aReview, anActivity, t, WINDOW } from '../metrics/builders.js';

const ORG = { installationId: 1, repoId: 0, fullName: 'acme', defaultBranch: '', private: false };

function repository(repoId: number, fullName: string, parts: Partial<Omit<RepositoryActivity, 'repository'>>): RepositoryActivity {
  return { ...anActivity(parts), repository: { installationId: 1, repoId, fullName, defaultBranch: 'main', private: false } };
}

describe('poolActivities', () => {
  it('keeps two repositories’ PR 1 apart, with their reviews and comments', () => {
    const a = repository(11, 'acme/a', { pullRequests: [aPullRequest({ number: 1, repoId: 11 })], reviews: [aReview(1, 'rev', t(2), { repoId: 11 })] });
    const b = repository(12, 'acme/b', { pullRequests: [aPullRequest({ number: 1, repoId: 12, author: 'other' })], comments: [aComment(1, 'rev', t(5), { repoId: 12 })] });
    const pooled = poolActivities(ORG, [a, b]);
    expect(pooled.pullRequests.map((pr) => pr.number)).toEqual([pooledItemNumber(1, 1), pooledItemNumber(2, 1)]);
    expect(pooled.reviews[0]!.prNumber).toBe(pooledItemNumber(1, 1));
    expect(pooled.comments[0]!.itemNumber).toBe(pooledItemNumber(2, 1));
    expect(splitPooledItemNumber(pooled.comments[0]!.itemNumber)).toEqual({ ordinal: 2, number: 1 });
    // The inputs are untouched.
    expect(a.pullRequests[0]!.number).toBe(1);
    // Two PRs, two first responses (2 h and 5 h): pooled over all items.
    const metrics = computeMetricSet(pooled, { window: WINDOW });
    expect(metrics.prs_started).toBe(2);
    expect(metrics.pr_time_to_first_response_hours).toEqual({ n: 2, p50: 3.5, p90: 4.7 });
  });

  it('counts a first-time contributor once, by their first PR anywhere', () => {
    // `dana` opened her first PR in acme/a before the window and one in acme/b inside it: not new to the organisation.
    const a = repository(11, 'acme/a', { pullRequests: [aPullRequest({ number: 1, repoId: 11, author: 'dana', createdAt: t(-100), updatedAt: t(-100) })] });
    const b = repository(12, 'acme/b', { pullRequests: [aPullRequest({ number: 1, repoId: 12, author: 'dana', createdAt: t(10), updatedAt: t(10) })] });
    expect(computeMetricSet(b, { window: WINDOW }).first_time_contributors).toBe(1);
    expect(computeMetricSet(poolActivities(ORG, [a, b]), { window: WINDOW }).first_time_contributors).toBe(0);
  });

  it('orders first PRs across repositories by instant, however each repository spells its times', () => {
    // acme/b's PR (10:00:00.000) is earlier than acme/a's (10:00:00.500), though "…00.500Z" sorts before "…00Z" as text.
    const history = (firstNumber: number, firstCreatedAt: string): RepositoryHistory => ({
      earliestItemAt: firstCreatedAt,
      pullRequestAuthors: [{ author: 'dana', firstNumber, firstCreatedAt, secondCreatedAt: null, firstIsFirst: true }],
      activeLogins: [],
      contiguousThrough: 20,
      completeSince: null,
    });
    const a = { ...repository(11, 'acme/a', {}), history: history(3, '2026-03-01T10:00:00.500Z') };
    const b = { ...repository(12, 'acme/b', {}), history: history(7, '2026-03-01T10:00:00Z') };
    expect(poolActivities(ORG, [a, b]).history?.pullRequestAuthors).toEqual([
      { author: 'dana', firstNumber: pooledItemNumber(2, 7), firstCreatedAt: '2026-03-01T10:00:00Z', secondCreatedAt: '2026-03-01T10:00:00.500Z', firstIsFirst: true },
    ]);
  });

  it('derives a repository’s history as the metric engine does when the activity carries none', () => {
    // Bots are no authors; an author's first PR is their earliest by time, whatever the numbers say.
    const a = repository(11, 'acme/a', {
      pullRequests: [
        aPullRequest({ number: 5, repoId: 11, author: 'dana', createdAt: t(-20), updatedAt: t(-20) }),
        aPullRequest({ number: 2, repoId: 11, author: 'dana', createdAt: t(-10), updatedAt: t(-10) }),
        aPullRequest({ number: 3, repoId: 11, author: 'dependabot[bot]', createdAt: t(-30), updatedAt: t(-30) }),
      ],
    });
    const authors = poolActivities(ORG, [a]).history?.pullRequestAuthors ?? [];
    expect(authors.map((entry) => [entry.author, entry.firstNumber, entry.secondCreatedAt])).toEqual([['dana', pooledItemNumber(1, 5), t(-10)]]);
  });

  it('merges the store’s history: the earliest first PR anywhere, the next earliest as the second', () => {
    const history = (authors: RepositoryHistory['pullRequestAuthors'], earliest: string, logins: string[]): RepositoryHistory => ({
      earliestItemAt: earliest,
      pullRequestAuthors: authors,
      activeLogins: [{ from: 'x', to: 'y', logins }],
      contiguousThrough: 20,
      completeSince: null,
    });
    const a = { ...repository(11, 'acme/a', {}), history: history([{ author: 'dana', firstNumber: 4, firstCreatedAt: t(-50), secondCreatedAt: t(30) }], t(-900), ['dana']) };
    const b = {
      ...repository(12, 'acme/b', {}),
      history: history(
        [
          { author: 'dana', firstNumber: 9, firstCreatedAt: t(-10), secondCreatedAt: null },
          { author: 'eli', firstNumber: 2, firstCreatedAt: t(1), secondCreatedAt: null },
        ],
        t(-400),
        ['eli', 'dana'],
      ),
    };
    expect(poolActivities(ORG, [a, b]).history).toEqual({
      earliestItemAt: t(-900),
      pullRequestAuthors: [
        { author: 'dana', firstNumber: pooledItemNumber(1, 4), firstCreatedAt: t(-50), secondCreatedAt: t(-10), firstIsFirst: true },
        { author: 'eli', firstNumber: pooledItemNumber(2, 2), firstCreatedAt: t(1), secondCreatedAt: null, firstIsFirst: true },
      ],
      activeLogins: [{ from: 'x', to: 'y', logins: ['dana', 'eli'] }],
      completeSince: null,
    });
  });

  it('cannot tell a first PR in the organisation where a repository’s early history is missing', () => {
    const complete = { earliestItemAt: t(-900), activeLogins: [], contiguousThrough: 20, completeSince: null };
    const a = { ...repository(11, 'acme/a', {}), history: { ...complete, pullRequestAuthors: [{ author: 'dana', firstNumber: 4, firstCreatedAt: t(5), secondCreatedAt: null }] } };
    // acme/b holds PRs from #50 on only: eli (no PR stored there) may have opened one before.
    const cut = { earliestItemAt: t(-300), activeLogins: [], contiguousThrough: 0, completeSince: t(-300) };
    const b = {
      ...repository(12, 'acme/b', {}),
      history: {
        ...cut,
        pullRequestAuthors: [
          { author: 'dana', firstNumber: 60, firstCreatedAt: t(-20), secondCreatedAt: null, firstOpenedAssociation: 'CONTRIBUTOR' },
        ],
      },
    };
    const pooled = poolActivities(ORG, [a, b]).history!;
    // dana's earliest stored PR is acme/b #60, which GitHub said came after earlier contributions: not a first-timer.
    expect(pooled.pullRequestAuthors).toEqual([
      { author: 'dana', firstNumber: pooledItemNumber(2, 60), firstCreatedAt: t(-20), secondCreatedAt: t(5), firstIsFirst: false },
    ]);
    expect(pooled.completeSince).toBe(t(-300));
    const c = { ...repository(13, 'acme/c', {}), history: { ...complete, pullRequestAuthors: [{ author: 'eli', firstNumber: 3, firstCreatedAt: t(2), secondCreatedAt: null }] } };
    const eli = (pool: ReturnType<typeof poolActivities>) => pool.history!.pullRequestAuthors.find((entry) => entry.author === 'eli');
    expect(eli(poolActivities(ORG, [c, b]))).toMatchObject({ firstIsFirst: null });
    expect(eli(poolActivities(ORG, [c, a]))).toMatchObject({ firstIsFirst: true });
  });
});
