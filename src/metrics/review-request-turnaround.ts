import { isWithin, type PullRequestFacts } from './activity-facts.js';
import type { Clock } from './clock.js';
import { summarizeDistribution } from './distribution.js';
import { measureActiveHours } from './measure-active-hours.js';
import type { MetricContext } from './metric-context.js';
import type { Distribution } from './types.js';

/**
 * Turnarounds (hours) of one PR's user review requests made in `[fromMs, toMs)`: request → the requested reviewer's
 * first review or comment after it. A request repeated while one is pending keeps the first; a removed request, or
 * one not yet answered, is no sample.
 */
function collectTurnarounds(pr: PullRequestFacts, clock: Clock, fromMs: number, toMs: number, into: number[]): void {
  const pending = new Map<string, number>();
  let next = 0;
  const answerUntil = (atMs: number) => {
    for (; next < pr.responses.length && pr.responses[next]!.atMs < atMs; next += 1) {
      const response = pr.responses[next]!;
      const requestedMs = pending.get(response.login);
      if (requestedMs === undefined || response.atMs < requestedMs) continue;
      pending.delete(response.login);
      if (isWithin(requestedMs, fromMs, toMs)) into.push(measureActiveHours(pr, clock, requestedMs, response.atMs));
    }
  };
  for (const request of pr.reviewRequests) {
    answerUntil(request.atMs);
    if (!request.requested) pending.delete(request.reviewer);
    else if (!pending.has(request.reviewer)) pending.set(request.reviewer, request.atMs);
  }
  answerUntil(Infinity);
}

/** `review_request_turnaround_hours`: user review requests made in the window → that reviewer's first reply. */
export function computeReviewRequestTurnaround(context: MetricContext): Distribution {
  const { fromMs, toMs, clock } = context.options;
  const samples: number[] = [];
  for (const pr of context.index.pullRequests) {
    if (pr.reviewRequests.some((request) => request.requested && isWithin(request.atMs, fromMs, toMs))) {
      collectTurnarounds(pr, clock, fromMs, toMs, samples);
    }
  }
  return summarizeDistribution(samples);
}
