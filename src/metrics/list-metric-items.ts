import type { IssueFacts, MilestoneFacts, PullRequestFacts } from './activity-facts.js';
import { selectAbandonedFirstPrs } from './abandoned-first-prs.js';
import { selectBreakingChangesMerged } from './breaking-changes-merged.js';
import { selectContestedPrs } from './contested-prs.js';
import { issueUrl, milestoneUrl, pullRequestUrl } from './item-urls.js';
import { selectMergedOverChangeRequest } from './merged-over-change-request.js';
import type { MetricContext } from './metric-context.js';
import { selectOpenReleaseBlockers } from './open-release-blockers.js';
import { selectOverdueMilestones } from './overdue-milestones.js';
import { selectRegressionsOpened } from './regressions-opened.js';
import { selectRevertsMerged } from './reverts-merged.js';
import type { ReportItem } from './types.js';
import { selectUnansweredIssues } from './unanswered-issues.js';
import { selectUnansweredPrs } from './unanswered-prs.js';
import { listIssuesClosedByBotUnanswered } from './issues-closed-by-bot-unanswered.js';
import { listPullRequestsClosedByBotUnanswered } from './prs-closed-by-bot-unanswered.js';
import { listPullRequestsWaitingOn } from './prs-waiting-on-reviewers.js';

/** The count metrics whose items can be listed: each list is exactly the records the metric counts. */
export const ITEM_LISTS = [
  'unanswered_prs',
  'unanswered_issues',
  'contested_prs',
  'merged_over_change_request',
  'overdue_milestones',
  'abandoned_first_prs',
  'reverts_merged',
  'breaking_changes_merged',
  'regressions_opened',
  'open_release_blockers',
  'prs_waiting_on_reviewers',
  'prs_waiting_on_author',
  'prs_closed_by_bot_unanswered',
  'issues_closed_by_bot_unanswered',
] as const;

export type ItemListName = (typeof ITEM_LISTS)[number];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The items behind one count metric of `context` (same window, same index, same options as `computeMetricSet`), in
 * reading order: waiting items longest wait first; dated items oldest first; ties by number. `list.length` always
 * equals the metric's count.
 */
export function listMetricItems(context: MetricContext, list: ItemListName): ReportItem[] {
  const repository = context.index.repository.fullName;
  const pr = (facts: PullRequestFacts, extra: Partial<ReportItem> = {}): ReportItem => ({
    kind: 'pull_request',
    number: facts.record.number,
    url: pullRequestUrl(repository, facts.record.number),
    title: facts.record.title,
    ...extra,
  });
  const issue = (facts: IssueFacts, extra: Partial<ReportItem> = {}): ReportItem => ({
    kind: 'issue',
    number: facts.record.number,
    url: issueUrl(repository, facts.record.number),
    title: facts.record.title,
    ...extra,
  });
  const milestone = (facts: MilestoneFacts): ReportItem => ({
    kind: 'milestone',
    number: facts.record.number,
    url: milestoneUrl(repository, facts.record.number),
    title: facts.record.title,
    at: iso(facts.dueMs!),
    at_label: 'due',
  });
  switch (list) {
    case 'unanswered_prs':
      return sortItems(selectUnansweredPrs(context).map(({ pr: facts, waitingHours }) => pr(facts, { waiting_hours: round(waitingHours) })));
    case 'unanswered_issues':
      return sortItems(selectUnansweredIssues(context).map(({ issue: facts, waitingHours }) => issue(facts, { waiting_hours: round(waitingHours) })));
    case 'contested_prs':
      return sortItems(selectContestedPrs(context).map((facts) => pr(facts, { at: iso(facts.createdMs), at_label: 'opened' })));
    case 'merged_over_change_request':
      return sortItems(selectMergedOverChangeRequest(context).map((facts) => pr(facts, { at: iso(facts.mergedMs!), at_label: 'merged' })));
    case 'overdue_milestones':
      return sortItems(selectOverdueMilestones(context).map(milestone));
    case 'abandoned_first_prs':
      return sortItems(selectAbandonedFirstPrs(context).map((facts) => pr(facts, { at: iso(facts.closedMs!), at_label: 'closed' })));
    case 'reverts_merged':
      return sortItems(selectRevertsMerged(context).map((facts) => pr(facts, { at: iso(facts.mergedMs!), at_label: 'merged' })));
    case 'breaking_changes_merged':
      return sortItems(selectBreakingChangesMerged(context).map((facts) => pr(facts, { at: iso(facts.mergedMs!), at_label: 'merged' })));
    case 'regressions_opened':
      return sortItems(selectRegressionsOpened(context).map((facts) => issue(facts, { at: iso(facts.createdMs), at_label: 'opened' })));
    case 'prs_waiting_on_reviewers':
    case 'prs_waiting_on_author': {
      const side = list === 'prs_waiting_on_reviewers' ? 'reviewers' : 'author';
      const { toMs } = context.options;
      return sortItems(listPullRequestsWaitingOn(context, side).map(({ pr: facts, sinceMs }) => pr(facts, { waiting_hours: round((toMs - sinceMs) / 3_600_000) })));
    }
    case 'prs_closed_by_bot_unanswered':
      return sortItems(listPullRequestsClosedByBotUnanswered(context).map((facts) => pr(facts, { at: iso(facts.closedMs!), at_label: 'closed' })));
    case 'issues_closed_by_bot_unanswered':
      return sortItems(listIssuesClosedByBotUnanswered(context).map((facts) => issue(facts, { at: iso(facts.closedMs!), at_label: 'closed' })));
    case 'open_release_blockers': {
      const { issues, pullRequests } = selectOpenReleaseBlockers(context);
      return sortItems([
        ...issues.map((facts) => issue(facts, { at: iso(facts.createdMs), at_label: 'opened' })),
        ...pullRequests.map((facts) => pr(facts, { at: iso(facts.createdMs), at_label: 'opened' })),
      ]);
    }
  }
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Longest wait first, then oldest date first, then by number, then login. Also used for items rules build. */
export function sortItems(items: ReportItem[]): ReportItem[] {
  return items.sort(
    (a, b) =>
      (b.waiting_hours ?? -1) - (a.waiting_hours ?? -1) ||
      (a.at ?? '').localeCompare(b.at ?? '') ||
      (a.number ?? 0) - (b.number ?? 0) ||
      (a.login ?? '').localeCompare(b.login ?? ''),
  );
}
