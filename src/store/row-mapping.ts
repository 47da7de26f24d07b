import type { Selectable } from 'kysely';
import type {
  CommentRecord,
  ContributorRecord,
  IssueRecord,
  MilestoneRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryRecord,
  ReviewRecord,
  ReviewState,
  TimelineEventRecord,
} from '../core/records.js';
import type { Database } from './database.js';
import {
  commentVersion,
  issueVersion,
  milestoneVersion,
  pullRequestDetailVersion,
  pullRequestVersion,
  releaseVersion,
  reviewVersion,
} from './record-versions.js';

/** Record ⇄ row conversions. Rows hold booleans as 0/1 and string lists as JSON. */

type Row<T extends keyof Database> = Selectable<Database[T]>;

const bool = (value: boolean) => (value ? 1 : 0);
const list = (text: string) => JSON.parse(text) as string[];

export function repositoryToRow(repo: RepositoryRecord): Row<'repositories'> {
  return {
    installation_id: repo.installationId,
    repo_id: repo.repoId,
    full_name: repo.fullName,
    default_branch: repo.defaultBranch,
    private: bool(repo.private),
    archived: repo.archived === undefined ? null : bool(repo.archived),
    fork: repo.fork === undefined ? null : bool(repo.fork),
  };
}

export function rowToRepository(row: Row<'repositories'>): RepositoryRecord {
  return {
    installationId: Number(row.installation_id),
    repoId: Number(row.repo_id),
    fullName: row.full_name,
    defaultBranch: row.default_branch,
    private: row.private === 1,
    ...(row.archived === null || row.archived === undefined ? {} : { archived: Number(row.archived) === 1 }),
    ...(row.fork === null || row.fork === undefined ? {} : { fork: Number(row.fork) === 1 }),
  };
}

export function pullRequestToRow(installationId: number, pr: PullRequestRecord): Row<'pull_requests'> {
  return {
    installation_id: installationId,
    repo_id: pr.repoId,
    number: pr.number,
    id: pr.id,
    title: pr.title,
    author: pr.author,
    author_type: pr.authorType,
    author_association: pr.authorAssociation,
    opened_author_association: pr.openedAuthorAssociation ?? null,
    state: pr.state,
    draft: bool(pr.draft),
    opened_as_draft: bool(pr.openedAsDraft),
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merged_by: pr.mergedBy,
    additions: pr.additions,
    deletions: pr.deletions,
    changed_files: pr.changedFiles,
    labels: JSON.stringify(pr.labels),
    milestone_number: pr.milestoneNumber,
    base_ref: pr.baseRef,
    head_ref: pr.headRef,
    head_sha: pr.headSha,
    version: pullRequestVersion(pr),
    detail_version: pullRequestDetailVersion(pr),
  };
}

export function issueToRow(installationId: number, issue: IssueRecord): Row<'issues'> {
  return {
    installation_id: installationId,
    repo_id: issue.repoId,
    number: issue.number,
    id: issue.id,
    title: issue.title,
    author: issue.author,
    author_type: issue.authorType,
    author_association: issue.authorAssociation,
    state: issue.state,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    labels: JSON.stringify(issue.labels),
    milestone_number: issue.milestoneNumber,
    assignees: JSON.stringify(issue.assignees),
    version: issueVersion(issue),
  };
}

export function reviewToRow(installationId: number, review: ReviewRecord): Row<'reviews'> {
  return {
    installation_id: installationId,
    repo_id: review.repoId,
    id: review.id,
    pr_number: review.prNumber,
    author: review.author,
    author_type: review.authorType,
    state: review.state,
    submitted_at: review.submittedAt,
    commit_id: review.commitId,
    version: reviewVersion(review),
  };
}

export function commentToRow(installationId: number, comment: CommentRecord): Row<'comments'> {
  return {
    installation_id: installationId,
    repo_id: comment.repoId,
    kind: comment.kind,
    id: comment.id,
    item_number: comment.itemNumber,
    on_pull_request: bool(comment.onPullRequest),
    author: comment.author,
    author_type: comment.authorType,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    version: commentVersion(comment),
    commands: JSON.stringify(comment.commands),
  };
}

export function eventToRow(installationId: number, event: TimelineEventRecord): Row<'timeline_events'> {
  return {
    installation_id: installationId,
    repo_id: event.repoId,
    item_number: event.itemNumber,
    item_kind: event.itemKind,
    kind: event.kind,
    actor: event.actor,
    subject: event.subject,
    subject_type: event.subjectType,
    at: event.at,
  };
}

export function milestoneToRow(installationId: number, milestone: MilestoneRecord): Row<'milestones'> {
  return {
    installation_id: installationId,
    repo_id: milestone.repoId,
    number: milestone.number,
    id: milestone.id,
    title: milestone.title,
    state: milestone.state,
    due_on: milestone.dueOn,
    created_at: milestone.createdAt,
    updated_at: milestone.updatedAt,
    closed_at: milestone.closedAt,
    open_issues: milestone.openIssues,
    closed_issues: milestone.closedIssues,
    version: milestoneVersion(milestone),
  };
}

export function rowToMilestone(row: Row<'milestones'>): MilestoneRecord {
  return {
    repoId: Number(row.repo_id),
    id: Number(row.id),
    number: row.number,
    title: row.title,
    state: row.state as MilestoneRecord['state'],
    dueOn: row.due_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    openIssues: row.open_issues,
    closedIssues: row.closed_issues,
  };
}

export function releaseToRow(installationId: number, release: ReleaseRecord): Row<'releases'> {
  return {
    installation_id: installationId,
    repo_id: release.repoId,
    id: release.id,
    tag_name: release.tagName,
    name: release.name,
    draft: bool(release.draft),
    prerelease: bool(release.prerelease),
    created_at: release.createdAt,
    published_at: release.publishedAt,
    asset_names: JSON.stringify(release.assetNames),
    version: releaseVersion(release),
  };
}

export function rowToRelease(row: Row<'releases'>): ReleaseRecord {
  return {
    repoId: Number(row.repo_id),
    id: Number(row.id),
    tagName: row.tag_name,
    name: row.name,
    draft: row.draft === 1,
    prerelease: row.prerelease === 1,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    assetNames: list(row.asset_names),
  };
}

export function contributorToRow(installationId: number, contributor: ContributorRecord): Row<'contributors'> {
  return {
    installation_id: installationId,
    repo_id: contributor.repoId,
    login: contributor.login,
    type: contributor.type,
    first_seen_at: contributor.firstSeenAt,
  };
}

export function rowToContributor(row: Row<'contributors'>): ContributorRecord {
  return { repoId: Number(row.repo_id), login: row.login, type: row.type, firstSeenAt: row.first_seen_at };
}
