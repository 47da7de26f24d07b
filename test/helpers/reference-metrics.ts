import { expect } from 'vitest';
import type { Delivery } from '../../src/store/store.js';

/**
 * A reference written from the spec's definitions alone, straight from webhook payloads (none of the app's records,
 * store or metric code): PR starts, merge times, first responses of PRs and issues, first-time contributors,
 * unanswered items. Quantiles are R type 7, as the spec says. Tests hold `report --json` (and the org report) to it.
 */

export const HOUR = 3_600_000;

export interface User {
  login: string;
  type: string;
}
export interface ReferencePr {
  number: number;
  author: string;
  human: boolean;
  createdMs: number;
  openedAsDraft: boolean;
  readyMs: number | null;
  mergedMs: number | null;
  closedMs: number | null;
  responses: number[];
}

export const isHuman = (user: User) => user.type !== 'Bot' && !user.login.endsWith('[bot]');

export interface ReferenceIssue {
  number: number;
  human: boolean;
  createdMs: number;
  closedMs: number | null;
  /** Comments by humans who did not open it, and its close by one. */
  responses: number[];
}

export function collectIssues(deliveries: readonly Delivery[]): ReferenceIssue[] {
  const issues = new Map<number, ReferenceIssue & { author: string }>();
  const responses: Array<{ number: number; user: User; at: string }> = [];
  for (const { name, payload } of deliveries) {
    const body = payload as Record<string, any>;
    if (name === 'issues') {
      const issue = body.issue;
      const known = issues.get(issue.number) ?? {
        number: issue.number,
        author: issue.user.login,
        human: isHuman(issue.user),
        createdMs: Date.parse(issue.created_at),
        closedMs: null,
        responses: [],
      };
      if (body.action === 'closed') {
        known.closedMs = Date.parse(issue.closed_at ?? issue.updated_at);
        responses.push({ number: issue.number, user: body.sender, at: new Date(known.closedMs).toISOString() });
      }
      if (body.action === 'reopened') known.closedMs = null;
      issues.set(issue.number, known);
    }
    if (name === 'issue_comment' && body.action === 'created' && !body.issue.pull_request) {
      responses.push({ number: body.issue.number, user: body.comment.user, at: body.comment.created_at });
    }
  }
  for (const response of responses) {
    const issue = issues.get(response.number);
    if (issue && isHuman(response.user) && response.user.login !== issue.author) issue.responses.push(Date.parse(response.at));
  }
  return [...issues.values()];
}

export function collectPullRequests(deliveries: readonly Delivery[]): ReferencePr[] {
  const prs = new Map<number, ReferencePr>();
  const responses: Array<{ number: number; user: User; at: string }> = [];
  for (const { name, payload } of deliveries) {
    const body = payload as Record<string, any>;
    if (name === 'pull_request') {
      const pr = body.pull_request;
      const known = prs.get(pr.number) ?? {
        number: pr.number,
        author: pr.user.login,
        human: isHuman(pr.user),
        createdMs: Date.parse(pr.created_at),
        openedAsDraft: false,
        readyMs: null,
        mergedMs: null,
        closedMs: null,
        responses: [],
      };
      if (body.action === 'opened' && pr.draft) known.openedAsDraft = true;
      if (body.action === 'closed') known.closedMs = Date.parse(pr.closed_at);
      if (body.action === 'reopened') known.closedMs = null;
      if (body.action === 'ready_for_review') known.readyMs = Math.min(known.readyMs ?? Infinity, Date.parse(pr.updated_at));
      if (pr.merged_at) known.mergedMs = Date.parse(pr.merged_at);
      prs.set(pr.number, known);
    }
    if (name === 'issue_comment' && body.action === 'created' && body.issue.pull_request) {
      responses.push({ number: body.issue.number, user: body.comment.user, at: body.comment.created_at });
    }
    if (name === 'pull_request_review' && body.action === 'submitted' && body.review.state !== 'pending') {
      responses.push({ number: body.pull_request.number, user: body.review.user, at: body.review.submitted_at });
    }
    if (name === 'pull_request_review_comment' && body.action === 'created') {
      responses.push({ number: body.pull_request.number, user: body.comment.user, at: body.comment.created_at });
    }
  }
  for (const response of responses) {
    const pr = prs.get(response.number);
    if (pr && isHuman(response.user) && response.user.login !== pr.author) pr.responses.push(Date.parse(response.at));
  }
  return [...prs.values()];
}

/** R type 7: position (n − 1)·q, linear between the closest ranks. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)]!;
  const high = sorted[Math.ceil(position)]!;
  return low + (high - low) * (position - Math.floor(position));
}

export function distribution(hours: number[]) {
  return { n: hours.length, p50: quantile(hours, 0.5), p90: quantile(hours, 0.9) };
}

export const SLA_HOURS = 72;

/** Open at `toMs` with no response before it, opened more than the SLA (72 hours) before. */
export function unanswered(items: ReadonlyArray<{ createdMs: number; closedMs: number | null; responses: number[]; human: boolean }>, toMs: number) {
  return items.filter(
    (item) =>
      item.human &&
      item.createdMs < toMs &&
      (item.closedMs === null || item.closedMs >= toMs) &&
      !item.responses.some((at) => at >= item.createdMs && at < toMs) &&
      toMs - item.createdMs > SLA_HOURS * HOUR,
  ).length;
}

export function referenceIssues(issues: readonly ReferenceIssue[], fromMs: number, toMs: number) {
  const opened = issues.filter((issue) => issue.human && issue.createdMs >= fromMs && issue.createdMs < toMs);
  return {
    issues_opened: opened.length,
    issue_time_to_first_response_hours: distribution(
      opened.flatMap((issue) => {
        const first = issue.responses.filter((at) => at >= issue.createdMs).sort((a, b) => a - b)[0];
        return first === undefined ? [] : [(first - issue.createdMs) / HOUR];
      }),
    ),
    unanswered_issues: unanswered(issues, toMs),
  };
}

export function reference(prs: readonly ReferencePr[], fromMs: number, toMs: number) {
  const within = (ms: number | null) => ms !== null && ms >= fromMs && ms < toMs;
  const startOf = (pr: ReferencePr) => (pr.openedAsDraft ? pr.readyMs : pr.createdMs);
  const human = prs.filter((pr) => pr.human);
  const firstOf = new Map<string, ReferencePr>();
  for (const pr of [...human].sort((a, b) => a.createdMs - b.createdMs || a.number - b.number)) {
    if (!firstOf.has(pr.author)) firstOf.set(pr.author, pr);
  }
  const started = human.filter((pr) => within(startOf(pr)));
  const firstResponse = (pr: ReferencePr) => pr.responses.filter((at) => at >= startOf(pr)!).sort((a, b) => a - b)[0];
  const responseHours = (list: ReferencePr[]) =>
    list.flatMap((pr) => {
      const at = firstResponse(pr);
      return at === undefined ? [] : [(at - startOf(pr)!) / HOUR];
    });
  return {
    prs_started: started.length,
    prs_merged: human.filter((pr) => within(pr.mergedMs)).length,
    pr_time_to_merge_hours: distribution(
      human.filter((pr) => within(pr.mergedMs) && startOf(pr) !== null).map((pr) => (pr.mergedMs! - startOf(pr)!) / HOUR),
    ),
    pr_time_to_first_response_hours: distribution(responseHours(started)),
    first_time_contributors: [...firstOf.values()].filter((pr) => within(startOf(pr))).length,
    newcomer_pr_time_to_first_response_hours: distribution(responseHours(started.filter((pr) => firstOf.get(pr.author) === pr))),
    unanswered_prs: unanswered(
      human.filter((pr) => startOf(pr) !== null).map((pr) => ({ ...pr, createdMs: startOf(pr)!, closedMs: pr.closedMs })),
      toMs,
    ),
  };
}

export function expectAgreement(actual: Record<string, any>, expected: Record<string, number | ReturnType<typeof distribution>>) {
  for (const [metric, value] of Object.entries(expected)) {
    if (typeof value === 'number') {
      expect(actual[metric], metric).toBe(value);
      continue;
    }
    expect(actual[metric].n, `${metric}.n`).toBe(value.n);
    for (const key of ['p50', 'p90'] as const) {
      if (value[key] === null) expect(actual[metric][key], `${metric}.${key}`).toBeNull();
      else expect(actual[metric][key], `${metric}.${key}`).toBeCloseTo(value[key]!, 3);
    }
  }
}
