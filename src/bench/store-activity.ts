import type { RepositoryActivity } from '../core/records.js';
import { emptyBatch } from '../ingest/record-batch.js';
import type { Store } from '../store/store.js';

/** Items per stored batch. */
const CHUNK = 5_000;

/**
 * Writes generated activity under installation `installationId` through the merge path webhooks use, in batches of
 * items with their reviews, comments and events, then every PR's files at once: the rows one `savePullRequestFiles`
 * per PR would write, without its two round trips per PR (on PostgreSQL those took longer than everything else).
 */
export async function storeActivity(store: Store, activity: RepositoryActivity, installationId = 1): Promise<void> {
  const repoId = activity.repository.repoId;
  const base = { ...emptyBatch(installationId), repositories: [{ ...activity.repository, installationId }] };
  await store.applyBatch({ ...base, milestones: activity.milestones, releases: activity.releases, contributors: activity.contributors });
  const reviews = groupBy(activity.reviews, (review) => review.prNumber);
  const comments = groupBy(activity.comments, (comment) => comment.itemNumber);
  const events = groupBy(activity.events, (event) => event.itemNumber);
  const items = [...activity.pullRequests.map((pr) => pr.number), ...activity.issues.map((issue) => issue.number)].sort((a, b) => a - b);
  const prs = new Map(activity.pullRequests.map((pr) => [pr.number, pr]));
  const issues = new Map(activity.issues.map((issue) => [issue.number, issue]));
  for (let i = 0; i < items.length; i += CHUNK) {
    const numbers = items.slice(i, i + CHUNK);
    await store.applyBatch({
      ...base,
      pullRequests: numbers.flatMap((n) => (prs.has(n) ? [prs.get(n)!] : [])),
      issues: numbers.flatMap((n) => (issues.has(n) ? [issues.get(n)!] : [])),
      reviews: numbers.flatMap((n) => reviews.get(n) ?? []),
      comments: numbers.flatMap((n) => comments.get(n) ?? []),
      events: numbers.flatMap((n) => events.get(n) ?? []),
    });
  }
  const heads = new Map(activity.pullRequests.map((pr) => [pr.number, pr.headSha]));
  await store.savePullRequestFilesBatch(
    installationId,
    repoId,
    activity.pullRequestFiles.map((files) => ({ prNumber: files.prNumber, headSha: heads.get(files.prNumber) ?? '', paths: files.paths })),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
