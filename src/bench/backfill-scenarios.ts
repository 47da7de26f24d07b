import type { GitHubModel } from '../backfill/simulator/github-model.js';
import { seededRandom } from '../sample/seeded-random.js';

const PER_PAGE = 100;

/**
 * The REST route's requests for `prs`: `GET /pulls` 100 a page (sorted by `updated`, so an incremental run lists
 * only the changed ones and one page more), then per PR `/reviews`, `/issues/{n}/comments` and `/files`, 100 a page.
 */
export function countRestRequests(prs: GitHubModel['pullRequests']): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / PER_PAGE));
  let requests = pages(prs.length);
  for (const pr of prs) {
    requests += pages(pr.timeline.filter((item) => item.__typename === 'PullRequestReview').length);
    requests += pages(pr.timeline.filter((item) => item.__typename === 'IssueComment').length);
    requests += pages(pr.paths.length);
  }
  return requests;
}

/** Deterministically gives a fifth of the PRs long conversations (60–200 comments) and a tenth wide diffs (80–400 files). */
export function makeBusy(model: GitHubModel): void {
  const random = seededRandom(99);
  for (const pr of model.pullRequests) {
    if (random.chance(0.2)) {
      const extra = random.int(60, 200);
      for (let i = 0; i < extra; i += 1) {
        pr.timeline.push({
          __typename: 'IssueComment',
          databaseId: 10_000_000 + pr.number * 1000 + i,
          author: { __typename: 'User', login: `commenter-${i % 9}` },
          createdAt: pr.updatedAt,
          updatedAt: pr.updatedAt,
        });
      }
    }
    if (random.chance(0.1)) pr.paths = Array.from({ length: random.int(80, 400) }, (_, i) => `wide/dir-${i % 13}/file-${i}.ts`);
  }
}

/** How an incremental run's PRs changed since the last run. */
export interface PullRequestChanges {
  /** New commits: a new head and changed paths (their files must be read again). */
  pushed: number;
  /** A new comment only. */
  commented: number;
  /** A new label only. */
  labeled: number;
}

/**
 * Changes `pushed + commented + labeled` PRs picked at random (seeded), each updated between `from` and `to`;
 * returns the PRs changed.
 */
export function changePullRequests(model: GitHubModel, changes: PullRequestChanges, from: Date, to: Date): GitHubModel['pullRequests'] {
  const random = seededRandom(7);
  const pool = [...model.pullRequests];
  const total = changes.pushed + changes.commented + changes.labeled;
  const span = to.getTime() - from.getTime();
  const changed = Array.from({ length: total }, () => pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  changed.forEach((pr, i) => {
    const at = new Date(from.getTime() + Math.floor((span * (i + 1)) / (total + 1))).toISOString();
    pr.updatedAt = at;
    if (i < changes.pushed) {
      pr.headRefOid = (pr.number.toString(16) + 'c0ffee').padEnd(40, '0');
      pr.paths = [...pr.paths, `changed/file-${pr.number}.ts`];
    } else if (i < changes.pushed + changes.commented) {
      const author = { __typename: 'User', login: 'late-reviewer' };
      pr.timeline.push({ __typename: 'IssueComment', databaseId: 90_000_000 + pr.number, author, createdAt: at, updatedAt: at });
    } else {
      pr.timeline.push({ __typename: 'LabeledEvent', actor: { __typename: 'User', login: 'amara' }, createdAt: at, label: { name: 'triaged' } });
    }
  });
  return changed;
}
