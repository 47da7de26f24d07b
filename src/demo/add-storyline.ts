import { TRIAGE_WORKFLOW } from './build-demo-checkout.js';
import type { CommunityContext } from './build-demo-community.js';
import { OVERLOADED_REVIEWER } from './create-cast.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The showcase PR, before its head SHA and files are looked up. */
export interface StorylineShowcase {
  number: number;
  author: string;
  requestedReviewers: string[];
  deliveryId: string;
}

/**
 * The events that make the demo tell a story on top of the background traffic: milestones (the last one overdue),
 * a release cadence that stalls, reverts and API changes merged in the last weeks, regression reports, PRs where
 * reviewers disagree (one merged over the objection), and the showcase: a newcomer's first PR to the understaffed
 * storage area that also edits the `pull_request_target` workflow, with an approval and a change request.
 */
export function addStoryline(context: CommunityContext, start: number): StorylineShowcase {
  const { writer, cast, random, end } = context;
  const area = (label: string) => context.areas.find((a) => a.label === label)!;
  const maintainer = cast.actor(OVERLOADED_REVIEWER);

  const milestones = [
    { id: 91, number: 1, title: 'v1.29', createdAt: start + DAY, dueOn: start + 45 * DAY, closeAfterDays: 10 },
    { id: 92, number: 2, title: 'v1.30', createdAt: start + 50 * DAY, dueOn: start + 110 * DAY, closeAfterDays: 20 },
    { id: 93, number: 3, title: 'v1.31', createdAt: start + 115 * DAY, dueOn: end - 14 * DAY, closeAfterDays: null },
  ];
  for (const { closeAfterDays, ...milestone } of milestones) {
    writer.createMilestone(milestone, maintainer, closeAfterDays === null ? undefined : milestone.dueOn + closeAfterDays * DAY);
  }

  let minor = 28;
  for (let at = start + 10 * DAY; at < end - 45 * DAY; at += (19 + random.int(0, 4)) * DAY) {
    writer.publishRelease(at, 3000 + minor, `v1.${minor}.${random.int(0, 2)}`, maintainer);
    minor += 1;
  }

  const network = area('sig/network');
  for (const [i, change] of ['Speed up proxy handling', 'Add endpoints handling', 'Simplify dns handling', 'Fix policy handling'].entries()) {
    const at = end - (24 - i * 6) * DAY;
    const pr = context.openPullRequest(at, cast.actor('sven'), network, { title: `Revert "${change}"`, labels: ['sig/network', 'kind/regression'] });
    pr.requestReview(at + HOUR, cast.actor('hiro'));
    pr.review(at + 3 * HOUR, cast.actor('hiro'), 'approved');
    pr.close(at + 4 * HOUR, cast.actor('hiro'), true);
    const report = writer.openIssue(at - 2 * DAY, cast.user(), `Regression: ${change.toLowerCase()} broke clusters on upgrade`, ['sig/network', 'kind/regression']);
    report.comment(at - DAY, cast.actor('ines'));
  }
  writer.openIssue(end - 5 * DAY, cast.user(), 'Regression: volume resize hangs after upgrade', ['sig/storage', 'kind/regression']);

  const api = area('sig/api-machinery');
  for (const [i, change] of ['Remove the deprecated v1beta1 widget API', 'Rename spec.replicas to spec.size'].entries()) {
    const at = end - (20 - i * 8) * DAY;
    const pr = context.openPullRequest(at, cast.actor('nadia'), api, { title: change, labels: ['sig/api-machinery', 'kind/api-change'] });
    pr.requestReview(at + HOUR, cast.actor('chen'));
    pr.review(at + 20 * HOUR, cast.actor('chen'), 'approved');
    pr.close(at + 30 * HOUR, cast.actor('dalia'), true);
  }

  const node = area('sig/node');
  for (const [i, change] of ['Evict pods by priority first', 'Switch cgroups driver default'].entries()) {
    const at = end - (18 - i * 7) * DAY;
    const pr = context.openPullRequest(at, cast.actor('victor'), node, { title: change });
    pr.requestReview(at + HOUR, cast.actor('grace'));
    pr.requestReview(at + HOUR, cast.actor('bjorn'));
    pr.review(at + 8 * HOUR, cast.actor('grace'), 'changes_requested');
    pr.review(at + 30 * HOUR, cast.actor('bjorn'), 'approved');
    pr.close(at + 31 * HOUR, cast.actor('bjorn'), true);
  }

  const contested = [
    { label: 'sig/node', author: 'ursula', approver: 'farid', objector: 'grace', title: 'Make eviction thresholds dynamic' },
    { label: 'sig/api-machinery', author: 'oscar', approver: 'dalia', objector: 'eve', title: 'Default conversion webhooks on' },
    { label: 'sig/network', author: 'tariq', approver: 'ines', objector: 'jonas', title: 'Replace the iptables proxy mode' },
  ];
  for (const [i, story] of contested.entries()) {
    const at = end - (12 - i * 3) * DAY;
    const pr = context.openPullRequest(at, cast.actor(story.author), area(story.label), { title: story.title });
    pr.requestReview(at + HOUR, cast.actor(story.approver));
    pr.requestReview(at + HOUR, cast.actor(story.objector));
    pr.review(at + 10 * HOUR, cast.actor(story.approver), 'approved');
    pr.review(at + 26 * HOUR, cast.actor(story.objector), 'changes_requested');
  }

  const storage = area('sig/storage');
  const at = end - 3 * DAY;
  const newcomer = cast.actor('priya-newcontrib');
  const showcase = context.openPullRequest(at, newcomer, storage, {
    title: 'Add CSI volume health checks and label PRs by size',
    labels: ['sig/storage', 'kind/feature'],
    files: ['pkg/storage/csi.go', 'pkg/storage/volume.go', TRIAGE_WORKFLOW],
    size: 180,
  });
  showcase.requestReview(at + HOUR, cast.actor('olga'));
  showcase.requestReview(at + HOUR, maintainer);
  showcase.review(at + 30 * HOUR, cast.actor('olga'), 'changes_requested');
  showcase.review(at + 50 * HOUR, cast.actor('bjorn'), 'approved');
  const deliveryId = showcase.push(at + 60 * HOUR);
  return { number: showcase.number, author: newcomer.login, requestedReviewers: ['olga', OVERLOADED_REVIEWER], deliveryId };
}
