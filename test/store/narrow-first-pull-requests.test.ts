import { describe, expect, it } from 'vitest';
import type { EarliestPullRequestsQuestion } from '../../src/core/history-questions.js';
import type { PullRequestRecord } from '../../src/core/records.js';
import { emptyBatch } from '../../src/ingest/record-batch.js';
import { FIRST_PULL_REQUESTS, reportHistoryQuestions } from '../../src/metrics/history-definitions.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS, useFreshStore } from '../helpers/stores.js';

const T1 = '2026-01-05T10:00:00Z';
const T2 = '2026-02-05T10:00:00Z';
const T3 = '2026-03-05T10:00:00Z';

function pr(number: number, author: string, createdAt: string, openedAuthorAssociation: string | null = null, draft = false): PullRequestRecord {
  return {
    repoId: 1, id: 1000 + number, number, title: `PR ${number}`, author, authorType: 'User', authorAssociation: 'CONTRIBUTOR',
    openedAuthorAssociation, state: 'closed', draft, openedAsDraft: false, createdAt, updatedAt: T3, closedAt: T3,
    mergedAt: null, mergedBy: null, additions: 1, deletions: 1, changedFiles: 1, labels: [], milestoneNumber: null,
    baseRef: 'main', headRef: `b${number}`, headSha: `sha${number}`,
  };
}

describe.each(TEST_BACKENDS)('a narrow read’s first pull requests on $name', (backend) => {
  let store: Store;
  useFreshStore(backend, (opened) => {
    store = opened;
  });

  it('gives the selected authors’ earliest PRs as the whole read does, for any definition of them: creation time, then number; drafts left out when asked; authors told apart by case', async () => {
    await store.applyBatch({
      ...emptyBatch(1),
      repositories: [{ installationId: 1, repoId: 1, fullName: 'o/r', defaultBranch: 'main', private: false }],
      pullRequests: [
        // alice: the earliest is the highest number; the two next share a creation time (the lower number is second).
        pr(9, 'alice', T1, 'FIRST_TIME_CONTRIBUTOR'), pr(5, 'alice', T2), pr(3, 'alice', T2), pr(12, 'alice', T3),
        // bob: two PRs opened at the same instant.
        pr(7, 'bob', T1), pr(4, 'bob', T1, 'CONTRIBUTOR'),
        pr(2, 'Carol', T2), pr(8, 'carol', T1),
        pr(6, 'dave', T3),
        pr(1, 'erin', T1), pr(10, 'erin', T2),
        // frank: his earliest PR is still a draft.
        pr(14, 'frank', T1, null, true), pr(15, 'frank', T2), pr(16, 'frank', T3),
      ],
    });
    await store.saveAuthorFirstPullRequests(1, 1, [
      { author: 'alice', firstNumber: 9, lookedUpAt: T3 },
      { author: 'dave', firstNumber: null, lookedUpAt: T3 },
      { author: 'erin', firstNumber: 1, lookedUpAt: T3 },
    ]);
    const selected = ['dave', 'alice', 'carol', 'Carol', 'bob', 'frank', 'nobody'];
    const since = '2025-01-01T00:00:00Z';
    const read = async (earliestPullRequests: EarliestPullRequestsQuestion) => {
      const history = { ...reportHistoryQuestions([]), earliestPullRequests };
      const whole = (await store.loadActivity(1, 1, { since, history }))!;
      const narrow = (await store.loadActivity(1, 1, {
        since,
        history,
        only: { pullRequests: [], issues: [], authors: selected, logins: [], lastActiveUntil: T3 },
      }))!;
      return { whole: whole.history!.pullRequestAuthors.filter((entry) => selected.includes(entry.author)), narrow: narrow.history!.pullRequestAuthors };
    };
    // Whatever the metrics' definition asks (src/metrics/history-definitions.ts), the narrow read answers as the whole.
    const firstOnly = await read({ perAuthor: 1, includeDrafts: true });
    expect(firstOnly.narrow).toEqual(firstOnly.whole);
    expect(firstOnly.narrow.find((entry) => entry.author === 'alice')).toMatchObject({ firstNumber: 9, secondCreatedAt: null });
    const withoutDrafts = await read({ perAuthor: 2, includeDrafts: false });
    expect(withoutDrafts.narrow).toEqual(withoutDrafts.whole);
    expect(withoutDrafts.narrow.find((entry) => entry.author === 'frank')).toMatchObject({ firstNumber: 15, secondCreatedAt: T3 });
    const { whole: expected, narrow } = await read(FIRST_PULL_REQUESTS);
    expect(narrow).toEqual(expected);
    expect(expected.find((entry) => entry.author === 'frank')).toMatchObject({ firstNumber: 14, secondCreatedAt: T2 });
    // What the whole read says, spelled out (so the comparison cannot pass on two equal mistakes).
    const byAuthor = new Map(expected.map((entry) => [entry.author, entry]));
    expect(byAuthor.get('alice')).toEqual({
      author: 'alice', firstNumber: 9, firstCreatedAt: T1, firstOpenedAssociation: 'FIRST_TIME_CONTRIBUTOR', searchedFirstNumber: 9, secondCreatedAt: T2,
    });
    expect(byAuthor.get('bob')).toMatchObject({ firstNumber: 4, firstOpenedAssociation: 'CONTRIBUTOR', secondCreatedAt: T1 });
    expect(byAuthor.get('Carol')).toMatchObject({ firstNumber: 2, secondCreatedAt: null });
    expect(byAuthor.get('carol')).toMatchObject({ firstNumber: 8, secondCreatedAt: null });
    expect(byAuthor.get('dave')).toEqual({
      author: 'dave', firstNumber: 6, firstCreatedAt: T3, firstOpenedAssociation: null, searchedFirstNumber: null, secondCreatedAt: null,
    });
    expect([...byAuthor.keys()].sort()).toEqual(['Carol', 'alice', 'bob', 'carol', 'dave', 'frank']);
  });
});
