import type {
  CommentRecord,
  IssueRecord,
  PullRequestRecord,
  RepositoryActivity,
  ReviewRecord,
  TimelineEventRecord,
} from '../core/records.js';
import { seededRandom } from '../sample/seeded-random.js';

/** Size and shape of a generated repository. */
export interface GenerateActivityOptions {
  /** PRNG seed: the same seed gives the same activity. */
  seed: number;
  /** The instant the history ends at (the report's `to`). */
  end: Date;
  pullRequests: number;
  /** Timeline events to generate in all (PR and issue events); at least the ones the PRs' stories need. */
  events: number;
  /** Issues (default: 30% of `pullRequests`). */
  issues?: number;
  /** Years of history (default 6). */
  years?: number;
  /** Top-level directories, one per area (default 20). */
  areas?: number;
}

const HOUR_MS = 3_600_000;
/**
 * Large projects close what nobody finishes: a lifecycle bot (Kubernetes' triage robot marks an item stale after 90
 * days, rotten after 30 more, and closes it after 30 more) closes PRs and issues left without activity for 150 days.
 */
const LIFECYCLE_CLOSE_MS = 150 * 24 * HOUR_MS;
const LIFECYCLE_BOT = 'k8s-triage-robot';
const LABELS = ['kind/bug', 'kind/feature', 'kind/cleanup', 'kind/documentation', 'size/S', 'size/M', 'lgtm', 'approved', 'needs-rebase'];

/**
 * Generates a repository's activity with a realistic shape: a heavy-tailed population of authors (most come once,
 * a few regulars open most PRs), ~150 reviewers with Zipf-like load, drafts, review requests, bot comments and
 * dependency-bot PRs, issues, milestones and releases, and timestamps growing denser towards `end`. Pure: the
 * same options give the same activity. For benchmarks of the store and the metrics engine.
 */
export function generateActivity(options: GenerateActivityOptions): RepositoryActivity {
  const random = seededRandom(options.seed).next;
  const endMs = options.end.getTime();
  const spanMs = (options.years ?? 6) * 365 * 24 * HOUR_MS;
  const areas = Array.from({ length: options.areas ?? 20 }, (_, i) => `component-${String(i).padStart(2, '0')}`);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  /** Heavy-tailed index in [0, n): small indexes are much likelier. */
  const zipf = (n: number) => Math.min(n - 1, Math.floor(n * random() ** 3));
  const iso = (ms: number) => new Date(Math.min(ms, endMs - 1)).toISOString();
  /** A time in the history, denser in recent years (the project grew). */
  const when = () => endMs - spanMs * (1 - Math.sqrt(random()));
  /** A latency in ms, log-normal around `medianHours`. */
  const latency = (medianHours: number) => medianHours * HOUR_MS * Math.exp(1.4 * (random() + random() + random() - 1.5));
  const reviewers = Array.from({ length: 150 }, (_, i) => `reviewer-${i}`);
  const authorCount = Math.max(10, Math.floor(options.pullRequests / 8));
  const author = () => (random() < 0.05 ? 'dependabot[bot]' : `contributor-${zipf(authorCount)}`);

  const pullRequests: PullRequestRecord[] = [];
  const reviews: ReviewRecord[] = [];
  const comments: CommentRecord[] = [];
  const events: TimelineEventRecord[] = [];
  const pullRequestFiles: RepositoryActivity['pullRequestFiles'] = [];
  let id = 1;
  const typeOf = (login: string) => (login.endsWith('[bot]') || login.endsWith('-robot') ? 'Bot' : 'User');
  const event = (
    itemNumber: number,
    itemKind: 'pr' | 'issue',
    kind: TimelineEventRecord['kind'],
    atMs: number,
    subject = '',
    subjectType: TimelineEventRecord['subjectType'] = '',
    actor = pick(reviewers),
  ) => {
    events.push({ repoId: 1, itemNumber, itemKind, kind, actor, subject, subjectType, at: iso(atMs) });
    touch(itemNumber, atMs);
  };
  /** The latest activity per item: its `updatedAt`, as GitHub bumps it on every comment, review and event. */
  const lastActivity = new Map<number, number>();
  const touch = (itemNumber: number, atMs: number) => {
    if (atMs > (lastActivity.get(itemNumber) ?? -Infinity)) lastActivity.set(itemNumber, Math.min(atMs, endMs - 1));
  };
  const comment = (itemNumber: number, onPullRequest: boolean, login: string, atMs: number, kind: CommentRecord['kind'] = 'issue') => {
    touch(itemNumber, atMs);
    comments.push({
      repoId: 1,
      id: id++,
      kind,
      itemNumber,
      onPullRequest,
      author: login,
      authorType: typeOf(login),
      createdAt: iso(atMs),
      updatedAt: iso(atMs),
      deleted: false,
      commands: [],
    });
  };

  const issueCount = options.issues ?? Math.floor(options.pullRequests * 0.3);
  const total = options.pullRequests + issueCount;
  const numbers = Array.from({ length: total }, () => when()).sort((a, b) => a - b);
  const isPr = new Set<number>();
  while (isPr.size < options.pullRequests) isPr.add(1 + Math.floor(random() * total));
  const issues: IssueRecord[] = [];

  numbers.forEach((createdMs, i) => {
    const number = i + 1;
    const login = author();
    const area = areas[zipf(areas.length)]!;
    if (!isPr.has(number)) {
      const respondedMs = createdMs + latency(20);
      const closedByPeople = random() < 0.8;
      const closer = closedByPeople ? pick(reviewers) : LIFECYCLE_BOT;
      const closedMs = closedByPeople ? createdMs + latency(24 * 30) : respondedMs + LIFECYCLE_CLOSE_MS;
      const closed = closedMs < endMs;
      issues.push({
        repoId: 1,
        id: id++,
        number,
        title: `Issue ${number}`,
        author: `user-${zipf(authorCount * 2)}`,
        authorType: 'User',
        authorAssociation: 'NONE',
        state: closed ? 'closed' : 'open',
        createdAt: iso(createdMs),
        updatedAt: iso(createdMs),
        closedAt: closed ? iso(closedMs) : null,
        closedBy: closed ? closer : null,
        labels: [pick(LABELS), `area/${area}`, ...(random() < 0.03 ? ['kind/regression'] : [])],
        milestoneNumber: random() < 0.2 ? 1 + Math.floor(random() * 60) : null,
        assignees: [],
      });
      if (respondedMs < endMs && random() < 0.85) comment(number, false, pick(reviewers), respondedMs);
      if (random() < 0.5) comment(number, false, 'k8s-ci-robot', createdMs + HOUR_MS / 60);
      touch(number, createdMs);
      if (closed) event(number, 'issue', 'closed', closedMs, '', '', closer);
      return;
    }
    const openedAsDraft = random() < 0.12;
    const readyMs = openedAsDraft ? (random() < 0.15 ? Infinity : createdMs + latency(30)) : createdMs;
    const startMs = Math.min(readyMs, endMs);
    const outcome = random();
    const mergedMs = outcome < 0.68 ? startMs + latency(60) : Infinity;
    // The rest nobody finishes: the lifecycle bot closes them (a never-ready draft counts from its creation).
    const abandonedMs = (readyMs === Infinity ? createdMs : startMs) + LIFECYCLE_CLOSE_MS + latency(24 * 5);
    const closedMs = outcome < 0.68 ? mergedMs : outcome < 0.88 ? startMs + latency(24 * 20) : abandonedMs;
    const isClosed = closedMs < endMs;
    const size = Math.floor(Math.exp(1 + random() * 7));
    const merged = isClosed && mergedMs < endMs;
    pullRequests.push({
      repoId: 1,
      id: id++,
      number,
      title: random() < 0.01 ? `Revert "PR ${number - 1}"` : `Change ${number}`,
      author: login,
      authorType: typeOf(login),
      authorAssociation: 'CONTRIBUTOR',
      state: isClosed ? 'closed' : 'open',
      draft: readyMs === Infinity || readyMs >= endMs,
      openedAsDraft,
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs),
      closedAt: isClosed ? iso(closedMs) : null,
      mergedAt: merged ? iso(mergedMs) : null,
      mergedBy: merged ? pick(reviewers) : null,
      additions: Math.floor(size * 0.7),
      deletions: Math.ceil(size * 0.3),
      changedFiles: 1 + Math.floor(random() * 8),
      labels: [pick(LABELS), pick(LABELS), `area/${area}`, ...(random() < 0.02 ? ['kind/api-change'] : [])],
      milestoneNumber: random() < 0.3 ? 1 + Math.floor(random() * 60) : null,
      baseRef: 'main',
      headRef: `branch-${number}`,
      headSha: number.toString(16).padStart(40, '0'),
    });
    pullRequestFiles.push({ repoId: 1, prNumber: number, paths: [`${area}/src/file-${number % 97}.go`, `${area}/docs/README.md`] });
    touch(number, createdMs);
    const closer = outcome < 0.88 ? pick(reviewers) : LIFECYCLE_BOT;
    event(number, 'pr', 'labeled', createdMs, `area/${area}`);
    if (readyMs !== Infinity && openedAsDraft) event(number, 'pr', 'ready_for_review', readyMs);
    if (readyMs === Infinity) {
      if (isClosed) event(number, 'pr', 'closed', closedMs, '', '', closer);
      return;
    }
    const requested = [reviewers[zipf(reviewers.length)]!, reviewers[zipf(reviewers.length)]!];
    for (const reviewer of requested) event(number, 'pr', 'review_requested', startMs + HOUR_MS / 30, reviewer, 'user');
    if (random() < 0.05) event(number, 'pr', 'review_request_removed', startMs + HOUR_MS, requested[1]!, 'user');
    if (random() < 0.05) event(number, 'pr', 'review_requested', startMs + HOUR_MS / 20, `team-${area}`, 'team');
    comment(number, true, 'k8s-ci-robot', startMs + HOUR_MS / 60);
    let atMs = startMs;
    const rounds = Math.floor(random() * 4);
    for (let round = 0; round < rounds; round += 1) {
      atMs += latency(18);
      if (atMs >= Math.min(closedMs, endMs)) break;
      const reviewer = random() < 0.6 ? requested[0]! : reviewers[zipf(reviewers.length)]!;
      const state = round === rounds - 1 && mergedMs !== Infinity ? 'APPROVED' : random() < 0.3 ? 'CHANGES_REQUESTED' : 'COMMENTED';
      reviews.push({ repoId: 1, id: id++, prNumber: number, author: reviewer, authorType: 'User', state, submittedAt: iso(atMs), commitId: null });
      touch(number, atMs);
      for (let c = Math.floor(random() * 3); c > 0; c -= 1) comment(number, true, reviewer, atMs, 'review');
      if (random() < 0.7) comment(number, true, login, atMs + latency(4));
      if (random() < 0.15) event(number, 'pr', 'labeled', atMs, pick(LABELS));
    }
    if (random() < 0.04) {
      event(number, 'pr', 'converted_to_draft', startMs + latency(10));
      event(number, 'pr', 'ready_for_review', startMs + latency(40));
    }
    if (isClosed) event(number, 'pr', 'closed', closedMs, '', '', closer);
  });

  // Fill the event budget with label churn, assignments and milestone changes on random items.
  const churn: TimelineEventRecord['kind'][] = ['labeled', 'unlabeled', 'assigned', 'milestoned', 'labeled', 'unassigned'];
  while (events.length < options.events) {
    const number = 1 + Math.floor(random() * total);
    event(number, isPr.has(number) ? 'pr' : 'issue', pick(churn), numbers[number - 1]! + latency(48), pick(LABELS));
  }

  for (const item of [...pullRequests, ...issues]) item.updatedAt = iso(lastActivity.get(item.number)!);

  return {
    repository: { installationId: 1, repoId: 1, fullName: 'bench/generated', defaultBranch: 'main', private: false },
    pullRequests,
    issues,
    reviews,
    comments,
    events,
    milestones: Array.from({ length: 60 }, (_, i) => {
      const dueMs = endMs - spanMs + ((i + 1) * spanMs) / 55;
      const closedMs = dueMs + latency(24 * 10);
      const closed = closedMs < endMs;
      return {
        repoId: 1,
        id: 500_000 + i,
        number: i + 1,
        title: `v1.${i}`,
        state: closed ? ('closed' as const) : ('open' as const),
        dueOn: iso(dueMs),
        createdAt: iso(dueMs - 90 * 24 * HOUR_MS),
        updatedAt: iso(dueMs),
        closedAt: closed ? iso(closedMs) : null,
        openIssues: 3,
        closedIssues: 40,
      };
    }),
    releases: Array.from({ length: 150 }, (_, i) => {
      const publishedMs = endMs - spanMs + (i * spanMs) / 150 + latency(24);
      const tagName = `v1.${Math.floor(i / 5)}.${i % 5}`;
      const at = iso(publishedMs);
      return { repoId: 1, id: 600_000 + i, tagName, name: null, draft: false, prerelease: i % 7 === 0, createdAt: at, publishedAt: at, assetNames: [] };
    }),
    contributors: ['k8s-ci-robot', LIFECYCLE_BOT].map((login) => ({ repoId: 1, login, type: 'Bot', firstSeenAt: iso(endMs - spanMs) })),
    pullRequestFiles,
  };
}
