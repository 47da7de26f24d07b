/**
 * A repository as GitHub's GraphQL API would show it, for the simulator: plain objects shaped like the schema's
 * types (`__typename` picks a union member), with connections as arrays the simulator pages through.
 */
export interface ModelActor {
  __typename: 'User' | 'Bot' | 'Organization' | 'Mannequin';
  login: string;
}

export type ModelTimelineItem = { __typename: string; createdAt: string } & Record<string, unknown>;

export interface ModelPullRequest {
  __typename: 'PullRequest';
  id: string;
  databaseId: number;
  number: number;
  title: string;
  author: ModelActor | null;
  authorAssociation: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergedBy: ModelActor | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  milestone: { number: number } | null;
  labelNames: string[];
  timeline: ModelTimelineItem[];
  paths: string[];
}

export interface ModelIssue {
  __typename: 'Issue';
  id: string;
  databaseId: number;
  number: number;
  title: string;
  author: ModelActor | null;
  authorAssociation: string;
  state: 'OPEN' | 'CLOSED';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  milestone: { number: number } | null;
  labelNames: string[];
  assigneeActors: ModelActor[];
  timeline: ModelTimelineItem[];
}

export interface ModelMilestone {
  __typename: 'Milestone';
  id: string;
  number: number;
  title: string;
  state: 'OPEN' | 'CLOSED';
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  openCount: number;
  closedCount: number;
}

export interface ModelRelease {
  __typename: 'Release';
  id: string;
  databaseId: number;
  tagName: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  assetNames: string[];
}

export interface GitHubModel {
  repository: {
    databaseId: number;
    nameWithOwner: string;
    isPrivate: boolean;
    isArchived?: boolean;
    isFork?: boolean;
    defaultBranch: string;
    headOid: string;
  };
  pullRequests: ModelPullRequest[];
  issues: ModelIssue[];
  milestones: ModelMilestone[];
  releases: ModelRelease[];
}
