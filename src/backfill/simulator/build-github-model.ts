import { encodeNodeId } from '../decode-database-id.js';
import type { Delivery } from '../../store/store.js';
import type { GitHubModel, ModelActor, ModelIssue, ModelPullRequest, ModelTimelineItem } from './github-model.js';

type Payload = Record<string, any>;

/** Webhook actions that leave a timeline item, by the item's `__typename`. */
const ACTION_ITEMS: Record<string, string> = {
  ready_for_review: 'ReadyForReviewEvent',
  converted_to_draft: 'ConvertToDraftEvent',
  review_requested: 'ReviewRequestedEvent',
  review_request_removed: 'ReviewRequestRemovedEvent',
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  milestoned: 'MilestonedEvent',
  demilestoned: 'DemilestonedEvent',
  assigned: 'AssignedEvent',
  unassigned: 'UnassignedEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
};

/**
 * Replays webhook deliveries (e.g. `generateDeliveries`) into the state GitHub's GraphQL API would then show: each
 * PR and issue at its newest snapshot with its timeline (comments, reviews, events stamped with the delivery's
 * time), milestones and releases. A bot is named as GraphQL names it (`dependabot`, type `Bot`). A PR's changed
 * paths are made up from its `changed_files` count (`<dir>/file-<i>.ts`), since deliveries carry none.
 */
export function buildGitHubModel(deliveries: readonly Delivery[]): GitHubModel {
  const model: GitHubModel = {
    repository: { databaseId: 0, nameWithOwner: '', isPrivate: false, defaultBranch: 'main', headOid: 'f'.repeat(40) },
    pullRequests: [],
    issues: [],
    milestones: [],
    releases: [],
  };
  const prs = new Map<number, ModelPullRequest>();
  const issues = new Map<number, ModelIssue>();
  for (const delivery of deliveries) {
    const { name } = delivery;
    // The simulator's own deliveries: payloads as `generateDeliveries` writes them.
    const payload = delivery.payload as Payload;
    const repo = payload.repository;
    if (repo) {
      model.repository.databaseId = repo.id;
      model.repository.nameWithOwner = repo.full_name;
      model.repository.isPrivate = repo.private ?? false;
      model.repository.isArchived = repo.archived ?? false;
      model.repository.isFork = repo.fork ?? false;
      model.repository.defaultBranch = repo.default_branch ?? 'main';
    }
    const repoId = model.repository.databaseId;
    if (name === 'pull_request' || name === 'pull_request_review') {
      const pr = upsertPullRequest(prs, repoId, payload.pull_request);
      if (name === 'pull_request_review') {
        const review = payload.review;
        pr.timeline.push({
          __typename: 'PullRequestReview',
          databaseId: review.id,
          author: toActor(review.user),
          state: String(review.state).toUpperCase(),
          submittedAt: review.submitted_at,
          createdAt: review.submitted_at,
          commit: review.commit_id ? { oid: review.commit_id } : null,
        });
      } else if (payload.action === 'synchronize') {
        pr.timeline.push(pushedCommit(payload));
      } else {
        const item = timelineItem(payload, payload.pull_request);
        if (item) pr.timeline.push(item);
      }
    } else if (name === 'issue_comment') {
      const comment = payload.comment;
      const item: ModelTimelineItem = {
        __typename: 'IssueComment',
        databaseId: comment.id,
        author: toActor(comment.user),
        createdAt: comment.created_at,
        updatedAt: comment.updated_at,
        body: comment.body ?? '',
      };
      const timeline = payload.issue.pull_request
        ? prs.get(payload.issue.number)?.timeline
        : upsertIssue(issues, repoId, payload.issue).timeline;
      if (timeline) applyComment(timeline, payload.action, item);
    } else if (name === 'issues') {
      const issue = upsertIssue(issues, repoId, payload.issue);
      const item = timelineItem(payload, payload.issue);
      if (item) issue.timeline.push(item);
    } else if (name === 'milestone') {
      const m = payload.milestone;
      model.milestones = model.milestones.filter((existing) => existing.number !== m.number);
      model.milestones.push({
        __typename: 'Milestone',
        id: encodeNodeId('MI', repoId, m.id),
        number: m.number,
        title: m.title,
        state: m.state === 'open' ? 'OPEN' : 'CLOSED',
        dueOn: m.due_on,
        createdAt: m.created_at,
        updatedAt: m.updated_at,
        closedAt: m.closed_at,
        openCount: m.open_issues,
        closedCount: m.closed_issues,
      });
    } else if (name === 'release') {
      const r = payload.release;
      model.releases = model.releases.filter((existing) => existing.databaseId !== r.id);
      model.releases.push({
        __typename: 'Release',
        id: encodeNodeId('RE', repoId, r.id),
        databaseId: r.id,
        tagName: r.tag_name,
        name: r.name,
        isDraft: r.draft,
        isPrerelease: r.prerelease,
        createdAt: r.created_at,
        publishedAt: r.published_at,
        assetNames: r.assets.map((asset: Payload) => asset.name),
      });
    }
  }
  model.pullRequests = [...prs.values()];
  model.issues = [...issues.values()];
  return model;
}

/** A comment's delivery on a timeline: `edited` replaces the comment, `deleted` removes it, anything else adds it. */
function applyComment(timeline: ModelTimelineItem[], action: string, item: ModelTimelineItem): void {
  const at = timeline.findIndex((existing) => existing.__typename === 'IssueComment' && existing.databaseId === item.databaseId);
  if (action === 'deleted') {
    if (at >= 0) timeline.splice(at, 1);
  } else if (action === 'edited' && at >= 0) {
    timeline[at] = item;
  } else {
    timeline.push(item);
  }
}

/**
 * `pull_request.synchronize` as GraphQL shows it: a commit (`PullRequestCommit`) authored by the pusher's account and
 * committed at the delivery's `updated_at`, which is when the webhook path dates the push.
 */
function pushedCommit(payload: Payload): ModelTimelineItem {
  const pusher = toActor(payload.sender);
  const committedDate = payload.pull_request.updated_at;
  return {
    __typename: 'PullRequestCommit',
    createdAt: committedDate,
    commit: { committedDate, author: { user: pusher && pusher.__typename === 'User' ? { login: pusher.login } : null } },
  };
}

/** GraphQL's view of a webhook `user`: bots lose their `[bot]` suffix. */
export function toActor(user: Payload | null | undefined): ModelActor | null {
  if (!user) return null;
  const type = user.type === 'Bot' ? 'Bot' : user.type === 'Organization' ? 'Organization' : 'User';
  return { __typename: type, login: type === 'Bot' ? String(user.login).replace(/\[bot\]$/, '') : user.login };
}

function upsertPullRequest(prs: Map<number, ModelPullRequest>, repoId: number, snapshot: Payload): ModelPullRequest {
  const existing = prs.get(snapshot.number);
  if (existing && existing.updatedAt > snapshot.updated_at) return existing;
  const pr: ModelPullRequest = {
    __typename: 'PullRequest',
    id: encodeNodeId('PR', repoId, snapshot.id),
    databaseId: snapshot.id,
    number: snapshot.number,
    title: snapshot.title,
    author: toActor(snapshot.user),
    authorAssociation: snapshot.author_association ?? 'NONE',
    state: snapshot.merged_at ? 'MERGED' : snapshot.state === 'open' ? 'OPEN' : 'CLOSED',
    isDraft: snapshot.draft ?? false,
    createdAt: snapshot.created_at,
    updatedAt: snapshot.updated_at,
    closedAt: snapshot.closed_at ?? null,
    mergedAt: snapshot.merged_at ?? null,
    mergedBy: snapshot.merged_by === undefined ? (existing?.mergedBy ?? null) : toActor(snapshot.merged_by),
    additions: snapshot.additions ?? existing?.additions ?? 0,
    deletions: snapshot.deletions ?? existing?.deletions ?? 0,
    changedFiles: snapshot.changed_files ?? existing?.changedFiles ?? 0,
    baseRefName: snapshot.base.ref,
    headRefName: snapshot.head.ref,
    headRefOid: snapshot.head.sha,
    milestone: snapshot.milestone ? { number: snapshot.milestone.number } : null,
    labelNames: (snapshot.labels ?? []).map((label: Payload) => label.name),
    timeline: existing?.timeline ?? [],
    paths: [],
  };
  const dir = ['api', 'storage', 'docs'][snapshot.number % 3];
  pr.paths = Array.from({ length: pr.changedFiles }, (_, i) => `${dir}/file-${i}.ts`);
  prs.set(pr.number, pr);
  return pr;
}

function upsertIssue(issues: Map<number, ModelIssue>, repoId: number, snapshot: Payload): ModelIssue {
  const existing = issues.get(snapshot.number);
  if (existing && existing.updatedAt > snapshot.updated_at) return existing;
  const issue: ModelIssue = {
    __typename: 'Issue',
    id: encodeNodeId('I', repoId, snapshot.id),
    databaseId: snapshot.id,
    number: snapshot.number,
    title: snapshot.title,
    author: toActor(snapshot.user),
    authorAssociation: snapshot.author_association ?? 'NONE',
    state: snapshot.state === 'open' ? 'OPEN' : 'CLOSED',
    createdAt: snapshot.created_at,
    updatedAt: snapshot.updated_at,
    closedAt: snapshot.closed_at ?? null,
    milestone: snapshot.milestone ? { number: snapshot.milestone.number } : null,
    labelNames: (snapshot.labels ?? []).map((label: Payload) => label.name),
    assigneeActors: (snapshot.assignees ?? []).map((user: Payload) => toActor(user) as ModelActor),
    timeline: existing?.timeline ?? [],
  };
  issues.set(issue.number, issue);
  return issue;
}

function timelineItem(payload: Payload, item: Payload): ModelTimelineItem | null {
  const typename = ACTION_ITEMS[payload.action];
  if (!typename) return null;
  const createdAt = payload.action === 'closed' && item.closed_at ? item.closed_at : item.updated_at;
  const event: ModelTimelineItem = { __typename: typename, createdAt, actor: toActor(payload.sender) };
  if (payload.label) event.label = { name: payload.label.name };
  if (payload.assignee) event.assignee = toActor(payload.assignee);
  if (typename.includes('Milestoned')) event.milestoneTitle = (item.milestone ?? payload.milestone)?.title ?? '';
  if (payload.requested_reviewer) event.requestedReviewer = toActor(payload.requested_reviewer);
  if (payload.requested_team) event.requestedReviewer = { __typename: 'Team', slug: payload.requested_team.slug };
  return event;
}
