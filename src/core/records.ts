/**
 * The normalized records fallacy-watch keeps. Webhook deliveries (and, later, GraphQL backfill) are turned into
 * these; metrics and rules read only these. Times are ISO-8601 strings in UTC (`2026-11-22T10:00:00Z`).
 * Every record belongs to one repository (`repoId`, GitHub's numeric id); the store scopes repositories by
 * installation, so no record crosses installations.
 */

/** A GitHub repository the app has seen, with the installation it came through. */
export interface RepositoryRecord {
  installationId: number;
  repoId: number;
  /** `owner/name` */
  fullName: string;
  defaultBranch: string;
  private: boolean;
  /** Archived (read-only) on GitHub; absent while only a minimal snapshot (an installation payload) was seen. */
  archived?: boolean;
  /** A fork of another repository; absent while unknown. */
  fork?: boolean;
}

/** `User`, `Bot`, `Organization`, `Mannequin` … as GitHub reports `user.type`. */
export type ActorType = string;

/** A pull request snapshot: the newest `updatedAt` wins when two snapshots meet. */
export interface PullRequestRecord {
  repoId: number;
  id: number;
  number: number;
  title: string;
  author: string;
  authorType: ActorType;
  authorAssociation: string;
  /**
   * `author_association` as GitHub gave it when the PR was opened (the `opened` webhook): `FIRST_TIME_CONTRIBUTOR`,
   * `CONTRIBUTOR`, `MEMBER` …. `null` (or absent) when no `opened` delivery was seen: a backfilled PR carries only
   * today's association (`authorAssociation`), which is not what it was then.
   */
  openedAuthorAssociation?: string | null;
  state: 'open' | 'closed';
  /** Draft right now (as of `updatedAt`). */
  draft: boolean;
  /** The PR was opened as a draft; its start is then its first `ready_for_review`. */
  openedAsDraft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: string | null;
  /** Size; `null` where the payload did not carry it. */
  additions: number | null;
  deletions: number | null;
  changedFiles: number | null;
  labels: string[];
  milestoneNumber: number | null;
  baseRef: string;
  headRef: string;
  headSha: string;
}

/** An issue snapshot (pull requests are not issues here). The newest `updatedAt` wins. */
export interface IssueRecord {
  repoId: number;
  id: number;
  number: number;
  title: string;
  author: string;
  authorType: ActorType;
  authorAssociation: string;
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Who closed it, where known (`null` otherwise). */
  closedBy: string | null;
  labels: string[];
  milestoneNumber: number | null;
  assignees: string[];
}

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

/** A pull request review. A dismissed review keeps `submittedAt` and has state `DISMISSED`. */
export interface ReviewRecord {
  repoId: number;
  id: number;
  prNumber: number;
  author: string;
  authorType: ActorType;
  state: ReviewState;
  submittedAt: string | null;
  commitId: string | null;
}

/** An issue/PR conversation comment (`issue`) or a review comment on a diff line (`review`). */
export interface CommentRecord {
  repoId: number;
  id: number;
  kind: 'issue' | 'review';
  /** The issue or PR number the comment belongs to. */
  itemNumber: number;
  /** Whether `itemNumber` is a pull request. */
  onPullRequest: boolean;
  author: string;
  authorType: ActorType;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /**
   * The slash commands of a command comment (every non-empty line a `/command`), lower-case without the slash, as
   * `listSlashCommands` reads them at ingest; `[]` for any other comment. The body itself is never stored.
   */
  commands: string[];
}

export type TimelineEventKind =
  | 'ready_for_review'
  | 'converted_to_draft'
  | 'review_requested'
  | 'review_request_removed'
  | 'labeled'
  | 'unlabeled'
  | 'milestoned'
  | 'demilestoned'
  | 'assigned'
  | 'unassigned'
  | 'closed'
  | 'reopened'
  /** A push to a PR's head (`pull_request.synchronize`; backfill: a commit or a force push). */
  | 'pushed';

/**
 * Something that happened to an issue or PR at a moment. Its identity is its content
 * (repo, item, kind, subject, time), so the same event seen twice (or from backfill) is stored once.
 */
export interface TimelineEventRecord {
  repoId: number;
  itemNumber: number;
  itemKind: 'pr' | 'issue';
  kind: TimelineEventKind;
  /** Who did it (login), where known. */
  actor: string | null;
  /** The reviewer, team slug, label name, milestone title or assignee the event is about; `''` when none. */
  subject: string;
  /** `user` or `team` for review requests, `''` otherwise. */
  subjectType: '' | 'user' | 'team';
  at: string;
}

export interface MilestoneRecord {
  repoId: number;
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  openIssues: number;
  closedIssues: number;
}

export interface ReleaseRecord {
  repoId: number;
  id: number;
  tagName: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  assetNames: string[];
}

/** A human or bot that did something in a repository, with the earliest time it was seen doing it. */
export interface ContributorRecord {
  repoId: number;
  login: string;
  type: ActorType;
  firstSeenAt: string;
}

/** The files a pull request changes (filled from the API for area mapping). */
export interface PullRequestFilesRecord {
  repoId: number;
  prNumber: number;
  paths: string[];
}

/** Everything the store knows about one repository: what metrics are computed from. */
export interface RepositoryActivity {
  repository: RepositoryRecord;
  pullRequests: PullRequestRecord[];
  issues: IssueRecord[];
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  events: TimelineEventRecord[];
  milestones: MilestoneRecord[];
  releases: ReleaseRecord[];
  contributors: ContributorRecord[];
  pullRequestFiles: PullRequestFilesRecord[];
  /**
   * Facts about the whole stored history, present when the store read only recent items (a report's horizon): who
   * opened their first PR when, and how far back the history reaches. Absent: derive them from `pullRequests`.
   */
  history?: RepositoryHistory;
}

/** Facts a report needs from the whole history while reading only the items of its horizon. */
export interface RepositoryHistory {
  /** The earliest creation time of any stored PR or issue; `null` when there are none. */
  earliestItemAt: string | null;
  /** Every PR author (bots too: the reader tells humans apart) with their first PR and the creation of their second. */
  pullRequestAuthors: PullRequestAuthorHistory[];
  /**
   * The highest item number `n` such that every PR and issue numbered 1…n is stored (0 when #1 is not). Numbers are
   * given in creation order, so a PR numbered at most `n + 1` has every earlier PR of the repository in the store.
   * Absent: unknown (taken as 0).
   */
  contiguousThrough?: number;
  /**
   * The creation time from which every PR of the repository is stored: that of the lowest-numbered PR in the gap-free
   * run of item numbers ending at the highest stored one (PRs opened later have higher numbers). `null` when that run
   * starts at #1: every PR ever opened is stored. Absent: unknown.
   */
  completeSince?: string | null;
  /** Per requested time range, the lower-case logins with a submitted review, a comment or a PR in it (stale owners). */
  activeLogins: ActiveLogins[];
  /**
   * When each asked login (lower case; a report's area owners idle through the stale-owner look-back) was last active
   * up to the window's end in the whole stored history: what a stale owner's "last active" date shows. A login
   * absent from the list was never active. Absent: not asked (the date then comes from the records read).
   */
  lastActive?: Array<{ login: string; at: string }>;
}

/** Who was active in `[from, to]` (ISO times, both included). */
export interface ActiveLogins {
  from: string;
  to: string;
  logins: string[];
}

/** An author's earliest PR in the repository as GitHub's search gave it. */
export interface AuthorFirstPullRequest {
  /** The login as stored on PRs. */
  author: string;
  /** `null`: the search found no PR by the author. */
  firstNumber: number | null;
  lookedUpAt: string;
}

/** An author's first PR (by creation time, then number) and when their second was opened. */
export interface PullRequestAuthorHistory {
  author: string;
  firstNumber: number;
  firstCreatedAt: string;
  /** The first stored PR's `openedAuthorAssociation` (`null` when its `opened` delivery was not seen). */
  firstOpenedAssociation?: string | null;
  /** Their earliest PR's number as GitHub's search gave it: absent when not looked up, `null` when none was found. */
  searchedFirstNumber?: number | null;
  /**
   * Whether `firstNumber` is their first PR, already decided by whoever built this history (an organisation pool,
   * which tells across repositories); absent: decide from the fields above. `null`: it cannot be told.
   */
  firstIsFirst?: boolean | null;
  /** `null` when they opened only one. */
  secondCreatedAt: string | null;
}
