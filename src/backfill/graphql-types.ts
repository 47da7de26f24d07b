/** The shapes the backfill's query documents return (only the selected fields). Times are ISO strings. */

export interface GraphQLActor {
  __typename: string;
  login: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  pageInfo: PageInfo;
  nodes: T[];
}

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  resetAt: string;
  limit: number;
}

interface EventBase {
  actor: GraphQLActor | null;
  createdAt: string;
}

/** An assignee or requested reviewer: an actor (`login`) or a team (`slug`). */
export interface GraphQLSubject {
  __typename: string;
  login?: string;
  slug?: string;
}

export type TimelineItemNode =
  | {
      __typename: 'IssueComment';
      fullDatabaseId: string;
      author: GraphQLActor | null;
      createdAt: string;
      updatedAt: string;
      /** Read only to classify the comment (`listSlashCommands`); never stored. */
      body?: string | null;
    }
  /**
   * A commit of the PR: a push by its author's account (`null` when the commit's author is no GitHub user). Aliased
   * `pushedCommit`, as a review's `commit` (nullable) and this one (not) may not share a name in one selection.
   */
  | { __typename: 'PullRequestCommit'; pushedCommit: { committedDate: string; author: { user: { login: string } | null } | null } }
  | {
      __typename: 'PullRequestReview';
      /** GraphQL's `BigInt`: a string. */
      fullDatabaseId: string;
      author: GraphQLActor | null;
      state: string;
      submittedAt: string | null;
      commit: { oid: string } | null;
    }
  /** `label` is `null` when the label was deleted since (GitHub answers so despite the schema's `Label!`). */
  | (EventBase & { __typename: 'LabeledEvent' | 'UnlabeledEvent'; label: { name: string } | null })
  | (EventBase & { __typename: 'MilestonedEvent' | 'DemilestonedEvent'; milestoneTitle: string })
  | (EventBase & { __typename: 'AssignedEvent' | 'UnassignedEvent'; assignee: GraphQLSubject | null })
  | (EventBase & { __typename: 'ReviewRequestedEvent' | 'ReviewRequestRemovedEvent'; requestedReviewer: GraphQLSubject | null })
  | (EventBase & {
      __typename: 'ReadyForReviewEvent' | 'ConvertToDraftEvent' | 'ClosedEvent' | 'ReopenedEvent' | 'HeadRefForcePushedEvent';
    });

export interface PullRequestNode {
  id: string;
  /** GraphQL's `BigInt`: a string. */
  fullDatabaseId: string;
  number: number;
  title: string;
  author: GraphQLActor | null;
  authorAssociation: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: GraphQLActor | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  milestone: { number: number } | null;
  timelineItems: Connection<TimelineItemNode>;
  /**
   * Changed paths, read by follow-up queries (not the page query) and only when the head moved since they were
   * stored: absent when not fetched, `null` when GitHub could not compute the diff.
   */
  files?: Connection<{ path: string }> | null;
}

export interface IssueNode {
  id: string;
  /** GraphQL's `BigInt`: a string. */
  fullDatabaseId: string;
  number: number;
  title: string;
  author: GraphQLActor | null;
  authorAssociation: string;
  state: 'OPEN' | 'CLOSED';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  milestone: { number: number } | null;
  timelineItems: Connection<TimelineItemNode>;
}

export interface MilestoneNode {
  id: string;
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED';
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  openIssues: { totalCount: number };
  closedIssues: { totalCount: number };
  openPullRequests: { totalCount: number };
  closedPullRequests: { totalCount: number };
}

export interface ReleaseNode {
  id: string;
  databaseId: number;
  tagName: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  releaseAssets: Connection<{ name: string }>;
}

export interface RepositoryNode {
  databaseId: number;
  nameWithOwner: string;
  isPrivate: boolean;
  /** Absent from older simulators' answers. */
  isArchived?: boolean;
  isFork?: boolean;
  defaultBranchRef: { name: string; target: { oid: string } | null } | null;
}

/** Every backfill answer carries the rate limit. */
export interface WithRateLimit {
  rateLimit: RateLimitInfo | null;
}
