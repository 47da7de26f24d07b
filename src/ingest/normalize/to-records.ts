import type { z } from 'zod';
import type {
  ContributorRecord,
  IssueRecord,
  MilestoneRecord,
  PullRequestRecord,
  RepositoryRecord,
} from '../../core/records.js';
import { toIso, toIsoOrNull } from '../../core/time.js';
import type {
  issueSchema,
  MilestonePayload,
  pullRequestSchema,
  RepositoryPayload,
  UserPayload,
} from '../payload-schemas.js';

/** Payload → record conversions shared by the event normalizers. */

export function toRepositoryRecord(installationId: number, repo: RepositoryPayload): RepositoryRecord {
  return {
    installationId,
    repoId: repo.id,
    fullName: repo.full_name,
    defaultBranch: repo.default_branch ?? '',
    private: repo.private,
    ...(typeof repo.archived === 'boolean' ? { archived: repo.archived } : {}),
    ...(typeof repo.fork === 'boolean' ? { fork: repo.fork } : {}),
  };
}

export function toPullRequestRecord(
  repoId: number,
  pr: z.infer<typeof pullRequestSchema>,
  openedAsDraft: boolean,
): PullRequestRecord {
  return {
    repoId,
    id: pr.id,
    number: pr.number,
    title: pr.title,
    author: pr.user.login,
    authorType: pr.user.type,
    authorAssociation: pr.author_association,
    state: pr.state,
    draft: pr.draft,
    openedAsDraft,
    createdAt: toIso(pr.created_at),
    updatedAt: toIso(pr.updated_at),
    closedAt: toIsoOrNull(pr.closed_at),
    mergedAt: toIsoOrNull(pr.merged_at),
    mergedBy: pr.merged_by?.login ?? null,
    additions: pr.additions ?? null,
    deletions: pr.deletions ?? null,
    changedFiles: pr.changed_files ?? null,
    labels: pr.labels.map((label) => label.name).sort(),
    milestoneNumber: pr.milestone?.number ?? null,
    baseRef: pr.base.ref,
    headRef: pr.head.ref,
    headSha: pr.head.sha,
  };
}

export function toIssueRecord(repoId: number, issue: z.infer<typeof issueSchema>, closedBy: string | null): IssueRecord {
  return {
    repoId,
    id: issue.id,
    number: issue.number,
    title: issue.title,
    author: issue.user.login,
    authorType: issue.user.type,
    authorAssociation: issue.author_association,
    state: issue.state ?? (issue.closed_at ? 'closed' : 'open'),
    createdAt: toIso(issue.created_at),
    updatedAt: toIso(issue.updated_at),
    closedAt: toIsoOrNull(issue.closed_at),
    closedBy,
    labels: issue.labels.map((label) => label.name).sort(),
    milestoneNumber: issue.milestone?.number ?? null,
    assignees: issue.assignees.map((user) => user.login).sort(),
  };
}

export function toMilestoneRecord(repoId: number, milestone: MilestonePayload): MilestoneRecord {
  return {
    repoId,
    id: milestone.id,
    number: milestone.number,
    title: milestone.title,
    state: milestone.state,
    dueOn: toIsoOrNull(milestone.due_on),
    createdAt: toIso(milestone.created_at),
    updatedAt: toIso(milestone.updated_at),
    closedAt: toIsoOrNull(milestone.closed_at),
    openIssues: milestone.open_issues,
    closedIssues: milestone.closed_issues,
  };
}

export function toContributorRecord(repoId: number, user: UserPayload, seenAt: string): ContributorRecord {
  return { repoId, login: user.login, type: user.type, firstSeenAt: toIso(seenAt) };
}
