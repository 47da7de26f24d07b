import type { Delivery } from '../store/store.js';
import { type Random, seededRandom } from './seeded-random.js';

/**
 * Generates webhook deliveries, shaped like GitHub's, for a synthetic community: PRs (some opened as drafts) with
 * review requests, reviews, comments, labels and merges; issues with comments and closes; milestones; releases.
 * Deterministic for a seed. Used by tests, benchmarks and the demo.
 */
export interface SampleOptions {
  seed?: number;
  installationId?: number;
  repository?: { id: number; fullName: string; defaultBranch?: string };
  /** How many pull requests (issues are half as many). */
  pullRequests?: number;
  /** The first PR's creation time; later ones follow every few hours. */
  start?: Date;
}

const HOUR = 3_600_000;

interface Actor {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

const MAINTAINERS: Actor[] = ['amara', 'bjorn', 'chen', 'dalia'].map((login, i) => ({ login, id: 1000 + i, type: 'User' }));
const REGULARS: Actor[] = ['eve', 'farid', 'grace', 'hiro', 'ines', 'jonas'].map((login, i) => ({ login, id: 2000 + i, type: 'User' }));
const BOT: Actor = { login: 'dependabot[bot]', id: 49699333, type: 'Bot' };
const LABELS = ['area/api', 'area/storage', 'area/docs', 'kind/bug', 'kind/feature', 'needs-triage'];

export function generateDeliveries(options: SampleOptions = {}): Delivery[] {
  const random = seededRandom(options.seed ?? 42);
  const installationId = options.installationId ?? 1;
  const repository = {
    id: options.repository?.id ?? 100_001,
    full_name: options.repository?.fullName ?? 'sample-org/sample-repo',
    name: (options.repository?.fullName ?? 'sample-org/sample-repo').split('/')[1],
    private: false,
    default_branch: options.repository?.defaultBranch ?? 'main',
    archived: false,
    fork: false,
    owner: { login: (options.repository?.fullName ?? 'sample-org/sample-repo').split('/')[0], id: 9, type: 'Organization' },
  };
  const total = options.pullRequests ?? 100;
  const start = (options.start ?? new Date('2026-06-01T00:00:00Z')).getTime();
  const out: Array<Delivery & { at: number }> = [];
  let sequence = 0;
  const emit = (name: string, at: number, payload: Record<string, unknown>) => {
    sequence += 1;
    out.push({
      id: deliveryId(options.seed ?? 42, sequence),
      name,
      at,
      payload: { ...payload, repository, installation: { id: installationId }, sender: payload.sender ?? MAINTAINERS[0] },
    });
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const milestone = {
    id: 5001,
    number: 1,
    title: 'v1.0',
    state: 'open',
    due_on: iso(start + 60 * 24 * HOUR),
    created_at: iso(start),
    updated_at: iso(start),
    closed_at: null,
    open_issues: 3,
    closed_issues: 1,
  };
  emit('milestone', start, { action: 'created', milestone });
  let newcomerCount = 0;
  let nextId = 1;

  for (let i = 0; i < total; i += 1) {
    const number = nextId++;
    const created = start + i * 5 * HOUR + random.int(0, 3 * HOUR);
    const author = pickAuthor(random, () => ({ login: `newcomer-${++newcomerCount}`, id: 50_000 + newcomerCount, type: 'User' }));
    const asDraft = random.chance(0.15);
    const labels = random.chance(0.7) ? [{ name: random.pick(LABELS) }] : [];
    const size = Math.round(random.exponential(120));
    const pr = {
      id: 700_000 + number,
      number,
      title: author.type === 'Bot' ? `Bump dependency ${number}` : `Change ${number}`,
      user: author,
      author_association: MAINTAINERS.includes(author) ? 'MEMBER' : 'CONTRIBUTOR',
      state: 'open' as string,
      draft: asDraft,
      created_at: iso(created),
      updated_at: iso(created),
      closed_at: null as string | null,
      merged_at: null as string | null,
      merged_by: null as Actor | null,
      additions: size,
      deletions: Math.round(size / 3),
      changed_files: 1 + Math.round(size / 80),
      labels,
      milestone: random.chance(0.1) ? milestone : null,
      base: { ref: 'main' },
      head: { ref: `change-${number}`, sha: sha(number) },
    };
    const snapshot = (at: number, changes: Partial<typeof pr> = {}) => {
      Object.assign(pr, changes, { updated_at: iso(at) });
      return { ...pr, labels: [...pr.labels] };
    };
    emit('pull_request', created, { action: 'opened', number, pull_request: snapshot(created), sender: author });
    let t = created;
    if (asDraft) {
      t += random.exponential(30) * HOUR;
      emit('pull_request', t, { action: 'ready_for_review', number, pull_request: snapshot(t, { draft: false }), sender: author });
    }
    const reviewer = random.pick(random.chance(0.6) ? MAINTAINERS.slice(0, 1) : MAINTAINERS);
    if (author.type !== 'Bot' && reviewer.login !== author.login) {
      t += random.exponential(2) * HOUR;
      emit('pull_request', t, {
        action: 'review_requested',
        number,
        pull_request: snapshot(t),
        requested_reviewer: reviewer,
        sender: author,
      });
    }
    if (labels.length > 0) {
      t += HOUR / 4;
      emit('pull_request', t, { action: 'labeled', number, pull_request: snapshot(t), label: labels[0], sender: reviewer });
    }
    const responded = random.chance(0.85);
    if (responded) {
      t += random.exponential(40) * HOUR;
      if (random.chance(0.5)) {
        emit('issue_comment', t, {
          action: 'created',
          issue: issueView(pr, iso(t)),
          comment: { id: 900_000 + number * 10, user: reviewer, created_at: iso(t), updated_at: iso(t), body: 'Thanks!' },
          sender: reviewer,
        });
        t += random.exponential(10) * HOUR;
      }
      const state = random.chance(0.15) ? 'changes_requested' : 'approved';
      emit('pull_request_review', t, {
        action: 'submitted',
        review: { id: 800_000 + number * 10, user: reviewer, state, submitted_at: iso(t), commit_id: pr.head.sha, body: '' },
        pull_request: simplePullRequest(snapshot(t)),
        sender: reviewer,
      });
    }
    const merged = responded && random.chance(0.8);
    if (merged || random.chance(0.3)) {
      t += random.exponential(20) * HOUR;
      emit('pull_request', t, {
        action: 'closed',
        number,
        pull_request: snapshot(t, {
          state: 'closed',
          closed_at: iso(t),
          merged_at: merged ? iso(t) : null,
          merged_by: merged ? reviewer : null,
        }),
        sender: merged ? reviewer : author,
      });
    }

    if (i % 2 === 0) {
      const issueNumber = nextId++;
      const opened = created + random.int(0, 4 * HOUR);
      const issueAuthor = pickAuthor(random, () => REGULARS[0]!);
      const issue = {
        id: 600_000 + issueNumber,
        number: issueNumber,
        title: `Problem ${issueNumber}`,
        user: issueAuthor,
        author_association: 'NONE',
        state: 'open',
        created_at: iso(opened),
        updated_at: iso(opened),
        closed_at: null as string | null,
        labels: random.chance(0.6) ? [{ name: random.pick(LABELS) }] : [],
        milestone: null,
        assignees: [] as Actor[],
      };
      emit('issues', opened, { action: 'opened', issue: { ...issue }, sender: issueAuthor });
      // Labels given at creation are added right after it, with a `labeled` delivery (and timeline event) each.
      for (const label of issue.labels) emit('issues', opened, { action: 'labeled', issue: { ...issue }, label, sender: issueAuthor });
      let u = opened;
      if (random.chance(0.7)) {
        u += random.exponential(30) * HOUR;
        const responder = random.pick(MAINTAINERS);
        emit('issue_comment', u, {
          action: 'created',
          issue: { ...issue, updated_at: iso(u) },
          comment: { id: 950_000 + issueNumber * 10, user: responder, created_at: iso(u), updated_at: iso(u), body: 'Looking' },
          sender: responder,
        });
      }
      if (random.chance(0.5)) {
        u += random.exponential(100) * HOUR;
        Object.assign(issue, { state: 'closed', closed_at: iso(u), updated_at: iso(u) });
        emit('issues', u, { action: 'closed', issue: { ...issue }, sender: random.pick(MAINTAINERS) });
      }
    }
  }
  const releaseAt = start + total * 5 * HOUR;
  emit('release', releaseAt, {
    action: 'published',
    release: {
      id: 4001,
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      draft: false,
      prerelease: false,
      created_at: iso(releaseAt),
      published_at: iso(releaseAt),
      assets: [{ name: 'sample.tar.gz' }, { name: 'sample.tar.gz.sha256' }],
    },
  });
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...delivery }) => delivery);
}

function pickAuthor(random: Random, newcomer: () => Actor): Actor {
  const roll = random.next();
  if (roll < 0.1) return BOT;
  if (roll < 0.3) return newcomer();
  if (roll < 0.45) return random.pick(MAINTAINERS);
  return random.pick(REGULARS);
}

/** The PR as an `issue_comment` payload's `issue` shows it. */
function issueView(pr: { id: number; number: number; title: string; user: Actor; state: string; created_at: string; closed_at: string | null; labels: { name: string }[] }, updatedAt: string) {
  return {
    id: pr.id + 1,
    number: pr.number,
    title: pr.title,
    user: pr.user,
    author_association: 'CONTRIBUTOR',
    state: pr.state,
    created_at: pr.created_at,
    updated_at: updatedAt,
    closed_at: pr.closed_at,
    labels: pr.labels,
    milestone: null,
    assignees: [],
    pull_request: { url: `https://api.github.com/pulls/${pr.number}` },
  };
}

/** Review payloads carry a PR without sizes or merge details. */
function simplePullRequest<T extends Record<string, unknown>>(pr: T) {
  const { additions: _a, deletions: _d, changed_files: _c, merged_by: _m, ...rest } = pr;
  return rest;
}

function sha(n: number): string {
  return (n.toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678').slice(0, 40);
}

function deliveryId(seed: number, n: number): string {
  const hex = (seed.toString(16).padStart(8, '0') + n.toString(16).padStart(24, '0')).slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
