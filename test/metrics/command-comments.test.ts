import { describe, expect, it } from 'vitest';
import { computeMetricSet } from '../../src/metrics/compute-metric-set.js';
import type { ResponseSettings } from '../../src/metrics/classify-comment.js';
import { aComment, anActivity, anIssue, aPullRequest, t, WINDOW } from './builders.js';

const command = (itemNumber: number, author: string, at: string, ...commands: string[]) => aComment(itemNumber, author, at, { commands });

/** One PR opened at t(0) by `newbie`, and one issue, with the given comments on each. */
function metricsWith(prComments: ReturnType<typeof aComment>[], issueComments: ReturnType<typeof aComment>[] = [], responses?: ResponseSettings) {
  const activity = anActivity({
    pullRequests: [aPullRequest({ number: 1, createdAt: t(0) })],
    issues: [anIssue({ number: 2, createdAt: t(0) })],
    comments: [...prComments, ...issueComments],
  });
  return computeMetricSet(activity, { window: WINDOW, responses });
}

describe('command comments in the response metrics', () => {
  it('/retest and /assign by a maintainer are no response: the PR stays unanswered', () => {
    const metrics = metricsWith([command(1, 'alice', t(2), 'retest'), command(1, 'alice', t(3), 'assign')]);
    expect(metrics.pr_time_to_first_response_hours).toEqual({ n: 0, p50: null, p90: null });
    expect(metrics.unanswered_prs).toBe(1);
    expect(metrics.active_reviewers).toBe(0);
  });

  it('/lgtm is a response and a review by that human at that time', () => {
    const metrics = metricsWith([command(1, 'alice', t(2), 'retest'), command(1, 'bob', t(5), 'lgtm')]);
    expect(metrics.pr_time_to_first_response_hours).toEqual({ n: 1, p50: 5, p90: 5 });
    expect(metrics.pr_time_to_first_review_hours).toEqual({ n: 1, p50: 5, p90: 5 });
    expect(metrics.unanswered_prs).toBe(0);
    expect(metrics.active_reviewers).toBe(1);
  });

  it('an ordinary comment after a command is the first response (but no review)', () => {
    const metrics = metricsWith([command(1, 'alice', t(2), 'ok-to-test'), aComment(1, 'alice', t(7))]);
    expect(metrics.pr_time_to_first_response_hours).toEqual({ n: 1, p50: 7, p90: 7 });
    expect(metrics.pr_time_to_first_review_hours).toEqual({ n: 0, p50: null, p90: null });
  });

  it('a /kind label command on an issue is no response; a triage comment is', () => {
    const metrics = metricsWith([], [command(2, 'alice', t(1), 'kind', 'triage'), aComment(2, 'bob', t(9))]);
    expect(metrics.issue_time_to_first_response_hours).toEqual({ n: 1, p50: 9, p90: 9 });
  });

  it('config: with ignoreCommands listing only /retest, a /hold is a response; a custom review command is a review', () => {
    const metrics = metricsWith(
      [command(1, 'alice', t(2), 'retest'), command(1, 'alice', t(4), 'hold'), command(1, 'bob', t(6), 'ship-it')],
      [],
      { reviewCommands: ['ship-it'], ignoreCommands: ['retest'] },
    );
    expect(metrics.pr_time_to_first_response_hours).toEqual({ n: 1, p50: 4, p90: 4 });
    expect(metrics.pr_time_to_first_review_hours).toEqual({ n: 1, p50: 6, p90: 6 });
  });

  it('a bot’s /lgtm is nobody’s review', () => {
    const metrics = metricsWith([command(1, 'k8s-ci-robot[bot]', t(2), 'lgtm')]);
    expect(metrics.pr_time_to_first_review_hours).toEqual({ n: 0, p50: null, p90: null });
  });
});
