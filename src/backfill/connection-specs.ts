import { emptyBatch, type RecordBatch } from '../ingest/record-batch.js';
import type { BackfillStore } from './backfill-store.js';
import type { ConnectionSpec } from './backfill-connection.js';
import { nextPageRequest } from './follow-up-pool.js';
import type { Connection, IssueNode, MilestoneNode, PullRequestNode, ReleaseNode } from './graphql-types.js';
import { mapIssue } from './map-issue.js';
import { mapMilestone } from './map-milestone.js';
import { mapPullRequest } from './map-pull-request.js';
import { mapRelease } from './map-release.js';
import { ISSUES_PAGE_QUERY } from './queries/issues-page.graphql.js';
import type { ConnectionPageRequest } from './queries/follow-up.graphql.js';
import { MILESTONES_PAGE_QUERY } from './queries/milestones-page.graphql.js';
import { PULL_REQUESTS_PAGE_QUERY } from './queries/pull-requests-page.graphql.js';
import { RELEASES_PAGE_QUERY } from './queries/releases-page.graphql.js';

/** The repository a backfill writes to. */
export interface BackfillTarget {
  store: BackfillStore;
  installationId: number;
  repoId: number;
}

type RepositoryData<K extends string, N> = { repository: Record<K, Connection<N>> };

/**
 * Pull requests: records via {@link mapPullRequest}, a page's changed paths at once via `savePullRequestFilesBatch`
 * (one round trip, not two per PR). Files are fetched by follow-ups only for PRs whose stored paths were read at
 * another head commit (or none are stored): a first run reads every PR's files, an incremental one only those of PRs
 * that got new commits. A PR retargeted to another base without a new commit keeps its stored paths until its next
 * commit.
 */
export function pullRequestsSpec(target: BackfillTarget): ConnectionSpec<PullRequestNode> {
  return {
    name: 'pullRequests',
    query: PULL_REQUESTS_PAGE_QUERY,
    variables: () => ({}),
    select: (data) => (data as RepositoryData<'pullRequests', PullRequestNode>).repository.pullRequests,
    timeOf: (node) => node.updatedAt,
    horizonOnFirstRun: true,
    followUps: {
      nodeType: 'PullRequest',
      followUpsOf: async (nodes) => {
        const numbers = nodes.map((node) => node.number);
        const heads = await target.store.loadPullRequestFileHeads(target.installationId, target.repoId, numbers);
        return nodes.map((node) =>
          present([
            nextPageRequest('pr-timeline', node.id, node.timelineItems),
            heads.get(node.number) === node.headRefOid ? null : { kind: 'files', nodeId: node.id, cursor: null },
          ]),
        );
      },
    },
    store: async (nodes) => {
      const batch = emptyBatch(target.installationId);
      const mapped = nodes.map((node) => mapPullRequest(target.repoId, node));
      for (const item of mapped) {
        batch.pullRequests.push(item.pullRequest);
        addTimeline(batch, item);
      }
      await target.store.applyBatch(batch);
      const files = mapped.flatMap((item) => (item.files ? [item.files] : []));
      await target.store.savePullRequestFilesBatch(target.installationId, target.repoId, files);
      return nodes.length;
    },
  };
}

/** Issues updated since the horizon (`filterBy: { since }`, so GitHub skips older ones itself). */
export function issuesSpec(target: BackfillTarget, daysHorizon: string): ConnectionSpec<IssueNode> {
  return {
    name: 'issues',
    query: ISSUES_PAGE_QUERY,
    variables: (horizon) => ({ since: horizon ?? daysHorizon }),
    select: (data) => (data as RepositoryData<'issues', IssueNode>).repository.issues,
    timeOf: (node) => node.updatedAt,
    horizonOnFirstRun: true,
    followUps: {
      nodeType: 'Issue',
      followUpsOf: async (nodes) => nodes.map((node) => present([nextPageRequest('issue-timeline', node.id, node.timelineItems)])),
    },
    store: async (nodes) => {
      const batch = emptyBatch(target.installationId);
      for (const node of nodes) {
        const item = mapIssue(target.repoId, node);
        batch.issues.push(item.issue);
        addTimeline(batch, item);
      }
      await target.store.applyBatch(batch);
      return nodes.length;
    },
  };
}

/** Every milestone on a first run (due dates matter whatever their age); those updated since on later ones. */
export function milestonesSpec(target: BackfillTarget): ConnectionSpec<MilestoneNode> {
  return {
    name: 'milestones',
    query: MILESTONES_PAGE_QUERY,
    variables: () => ({}),
    select: (data) => (data as RepositoryData<'milestones', MilestoneNode>).repository.milestones,
    timeOf: (node) => node.updatedAt,
    horizonOnFirstRun: false,
    store: async (nodes) => {
      const batch = emptyBatch(target.installationId);
      batch.milestones.push(...nodes.map((node) => mapMilestone(target.repoId, node)));
      await target.store.applyBatch(batch);
      return nodes.length;
    },
  };
}

/**
 * Every release on a first run (release cadence needs the history); those created since on later ones. A release
 * edited after creation is not refetched by an incremental run; the `release` webhook brings those to an installed app.
 */
export function releasesSpec(target: BackfillTarget): ConnectionSpec<ReleaseNode> {
  return {
    name: 'releases',
    query: RELEASES_PAGE_QUERY,
    variables: () => ({}),
    select: (data) => (data as RepositoryData<'releases', ReleaseNode>).repository.releases,
    timeOf: (node) => node.createdAt,
    horizonOnFirstRun: false,
    followUps: {
      nodeType: 'Release',
      followUpsOf: async (nodes) => nodes.map((node) => present([nextPageRequest('assets', node.id, node.releaseAssets)])),
    },
    store: async (nodes) => {
      const batch = emptyBatch(target.installationId);
      batch.releases.push(...nodes.map((node) => mapRelease(target.repoId, node)));
      await target.store.applyBatch(batch);
      return nodes.length;
    },
  };
}

function present(requests: Array<ConnectionPageRequest | null>): ConnectionPageRequest[] {
  return requests.filter((request): request is ConnectionPageRequest => request !== null);
}

function addTimeline(batch: RecordBatch, item: Pick<RecordBatch, 'reviews' | 'comments' | 'events' | 'contributors'>): void {
  batch.reviews.push(...item.reviews);
  batch.comments.push(...item.comments);
  batch.events.push(...item.events);
  batch.contributors.push(...item.contributors);
}
