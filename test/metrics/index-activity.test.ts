import { describe, expect, it } from 'vitest';
import { indexActivity } from '../../src/metrics/index-activity.js';
import { aComment, anActivity, anEvent, aPullRequest, t } from './builders.js';

describe('indexActivity', () => {
  it("marks each human author's first PR by opening time, ties by number", () => {
    const index = indexActivity(
      anActivity({
        pullRequests: [
          aPullRequest({ number: 3, author: 'ann', createdAt: t(5) }),
          aPullRequest({ number: 2, author: 'ann', createdAt: t(1) }),
          aPullRequest({ number: 1, author: 'ann', createdAt: t(1) }),
          aPullRequest({ number: 4, author: 'dependabot[bot]', createdAt: t(0) }),
        ],
      }),
    );
    expect(index.pullRequests.filter((pr) => pr.firstOfAuthor).map((pr) => pr.record.number)).toEqual([1]);
    expect(index.authors.get('ann')?.secondCreatedMs).toBe(Date.parse(t(1)));
    expect(index.authors.has('dependabot[bot]')).toBe(false);
  });

  it('knows bots from any record that carries their type, and ignoreUsers case-insensitively', () => {
    const index = indexActivity(
      anActivity({ contributors: [{ repoId: 1, login: 'k8s-ci-robot', type: 'Bot', firstSeenAt: t(0) }] }),
      { ignoreUsers: ['Fuzzer'] },
    );
    expect(index.isHuman('k8s-ci-robot')).toBe(false);
    expect(index.isHuman('fuzzer')).toBe(false);
    expect(index.isHuman('renovate[bot]')).toBe(false);
    expect(index.isHuman('alice')).toBe(true);
  });

  it('derives start, draft periods and responses whatever order the records come in', () => {
    const index = indexActivity(
      anActivity({
        pullRequests: [aPullRequest({ number: 1, createdAt: t(0), draft: true })],
        events: [
          anEvent(1, 'ready_for_review', t(20)),
          anEvent(1, 'converted_to_draft', t(10)),
          anEvent(1, 'ready_for_review', t(5)),
          anEvent(1, 'converted_to_draft', t(30)),
        ],
        comments: [aComment(1, 'bob', t(25)), aComment(1, 'alice', t(3))],
      }),
    );
    const pr = index.pullRequests[0]!;
    expect(pr.startMs).toBe(Date.parse(t(5)));
    expect(pr.draftPeriods).toEqual([
      [Date.parse(t(10)), Date.parse(t(20))],
      [Date.parse(t(30)), Infinity],
    ]);
    expect(pr.responses.map((response) => response.login)).toEqual(['alice', 'bob']);
    expect(pr.firstResponseMs).toBe(Date.parse(t(25)));
  });
});
