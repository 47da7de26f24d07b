import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../src/core/records.js';
import { computeMergedOverChangeRequest } from '../../src/metrics/merged-over-change-request.js';
import { aContext, anActivity, aMergedPullRequest, aReview, t } from './builders.js';

const review = (author: string, at: number, state: ReviewRecord['state']) => aReview(1, author, t(at), { state });

describe('merged_over_change_request', () => {
  it.each<{ case: string; mergedAt: number; reviews: ReviewRecord[]; expected: number }>([
    { case: 'merged while a change request stood', mergedAt: 10, reviews: [review('alice', 1, 'APPROVED'), review('bob', 2, 'CHANGES_REQUESTED')], expected: 1 },
    { case: 'the change request was resolved by an approval', mergedAt: 10, reviews: [review('bob', 2, 'CHANGES_REQUESTED'), review('bob', 3, 'APPROVED')], expected: 0 },
    { case: 'the change request was dismissed', mergedAt: 10, reviews: [review('bob', 2, 'CHANGES_REQUESTED'), review('bob', 3, 'DISMISSED')], expected: 0 },
    { case: 'the change request came after the merge', mergedAt: 10, reviews: [review('bob', 11, 'CHANGES_REQUESTED')], expected: 0 },
    { case: 'merged before the window', mergedAt: -1, reviews: [review('bob', -2, 'CHANGES_REQUESTED')], expected: 0 },
  ])('$case → $expected', ({ mergedAt, reviews, expected }) => {
    const activity = anActivity({ pullRequests: [aMergedPullRequest(t(mergedAt), { number: 1, createdAt: t(-10) })], reviews });
    expect(computeMergedOverChangeRequest(aContext(activity))).toBe(expected);
  });
});
