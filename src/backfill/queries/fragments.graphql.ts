/**
 * Selection sets shared by the backfill's query documents, as GraphQL text. Actors are read as `__typename` + `login`
 * (the webhook's `user.type` + `user.login`); every connection carries `pageInfo` so a follow-up page can continue it.
 */

/** `rateLimit` as every backfill query reads it: the governor pauses on `remaining` and waits for `resetAt`. */
export const RATE_LIMIT_SELECTION = 'rateLimit { cost remaining resetAt limit }';

export const ACTOR_SELECTION = '__typename login';

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

/**
 * Timeline items of a pull request that become reviews, comments or events. Commits and force pushes become `pushed`
 * events (whose turn it is); GraphQL no longer reports when a commit was pushed, so a commit is dated by its committer.
 */
export const PULL_REQUEST_TIMELINE_TYPES = [
  'ISSUE_COMMENT',
  'PULL_REQUEST_REVIEW',
  'READY_FOR_REVIEW_EVENT',
  'CONVERT_TO_DRAFT_EVENT',
  'REVIEW_REQUESTED_EVENT',
  'REVIEW_REQUEST_REMOVED_EVENT',
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  'ASSIGNED_EVENT',
  'UNASSIGNED_EVENT',
  'CLOSED_EVENT',
  'REOPENED_EVENT',
  'PULL_REQUEST_COMMIT',
  'HEAD_REF_FORCE_PUSHED_EVENT',
] as const;

/** Timeline items of an issue that become comments or events. */
export const ISSUE_TIMELINE_TYPES = [
  'ISSUE_COMMENT',
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  'MILESTONED_EVENT',
  'DEMILESTONED_EVENT',
  'ASSIGNED_EVENT',
  'UNASSIGNED_EVENT',
  'CLOSED_EVENT',
  'REOPENED_EVENT',
] as const;

const EVENT = `actor { ${ACTOR_SELECTION} } createdAt`;

/** One selection that covers both timelines' item types (a fragment on a type absent from a union is invalid, so the PR and issue variants differ). */
function timelineItemSelection(kind: 'pr' | 'issue'): string {
  const common = [
    '__typename',
    `... on IssueComment { fullDatabaseId author { ${ACTOR_SELECTION} } createdAt updatedAt body }`,
    `... on LabeledEvent { ${EVENT} label { name } }`,
    `... on UnlabeledEvent { ${EVENT} label { name } }`,
    `... on AssignedEvent { ${EVENT} assignee { __typename ... on Actor { login } } }`,
    `... on UnassignedEvent { ${EVENT} assignee { __typename ... on Actor { login } } }`,
    `... on ClosedEvent { ${EVENT} }`,
    `... on ReopenedEvent { ${EVENT} }`,
  ];
  if (kind === 'issue') {
    return [
      ...common,
      `... on MilestonedEvent { ${EVENT} milestoneTitle }`,
      `... on DemilestonedEvent { ${EVENT} milestoneTitle }`,
    ].join(' ');
  }
  const reviewer = 'requestedReviewer { __typename ... on Actor { login } ... on Team { slug } }';
  return [
    ...common,
    `... on PullRequestReview { fullDatabaseId author { ${ACTOR_SELECTION} } state submittedAt commit { oid } }`,
    `... on ReadyForReviewEvent { ${EVENT} }`,
    `... on ConvertToDraftEvent { ${EVENT} }`,
    `... on ReviewRequestedEvent { ${EVENT} ${reviewer} }`,
    `... on ReviewRequestRemovedEvent { ${EVENT} ${reviewer} }`,
    `... on PullRequestCommit { pushedCommit: commit { committedDate author { user { login } } } }`,
    `... on HeadRefForcePushedEvent { ${EVENT} }`,
  ].join(' ');
}

/** A page of a connection, sized `first`, after `$cursor` when given (no `after`: the first page). */
export function connectionSelection(
  kind: ConnectionKind,
  first: number,
  after = '',
): string {
  const afterArg = after ? `, after: ${after}` : '';
  switch (kind) {
    case 'pr-timeline':
      return `timelineItems(first: ${first}${afterArg}, itemTypes: [${PULL_REQUEST_TIMELINE_TYPES.join(', ')}]) { ${PAGE_INFO} nodes { ${timelineItemSelection('pr')} } }`;
    case 'issue-timeline':
      return `timelineItems(first: ${first}${afterArg}, itemTypes: [${ISSUE_TIMELINE_TYPES.join(', ')}]) { ${PAGE_INFO} nodes { ${timelineItemSelection('issue')} } }`;
    case 'files':
      return `files(first: ${first}${afterArg}) { ${PAGE_INFO} nodes { path } }`;
    case 'assets':
      return `releaseAssets(first: ${first}${afterArg}) { ${PAGE_INFO} nodes { name } }`;
  }
}

/**
 * The nested connections a backfill pages through with follow-up queries. Labels and assignees are not among them:
 * they are replayed from the timeline's label and assignment events (see `replay-labels-and-assignees.ts`).
 */
export type ConnectionKind = 'pr-timeline' | 'issue-timeline' | 'files' | 'assets';

/** The node types a backfill reads nested connections of, or fetches again by id. */
export type NodeType = 'PullRequest' | 'Issue' | 'Release';

/** The node type each nested connection hangs off (what a follow-up's `node(id:)` is narrowed to). */
export const CONNECTION_OWNER: Record<ConnectionKind, NodeType> = {
  'pr-timeline': 'PullRequest',
  'issue-timeline': 'Issue',
  files: 'PullRequest',
  assets: 'Release',
};

/** The field of its node each nested connection is read from and merged into. */
export const CONNECTION_FIELD: Record<ConnectionKind, 'timelineItems' | 'files' | 'releaseAssets'> = {
  'pr-timeline': 'timelineItems',
  'issue-timeline': 'timelineItems',
  files: 'files',
  assets: 'releaseAssets',
};
