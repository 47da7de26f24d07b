import type { Delivery } from '../store/store.js';

/**
 * Turns a list of a repository's PRs (author, creation, merge, approvers, commenters — what PR-list exports of public
 * projects hold) into webhook deliveries for `replay`, to check figures that depend on history against a real one:
 * replay the whole list into one store and only the deliveries from an import horizon on (`from`) into another, as
 * an installation made then would receive them — PRs opened before it appear only through their later deliveries.
 *
 * The list is taken as the repository's whole PR history: every number from 1 to the highest that is not a listed
 * PR becomes an issue (opened between its neighbours by number), so the full store is gap-free from #1. Comments
 * are spread evenly between a PR's creation and its merge, approvals come just before the merge, and the merge is
 * by its first other approver (else `fallbackMerger`). With `associations: 'at-opening'` each `opened` delivery
 * carries the `author_association` GitHub would have given from this history: `MEMBER` for `members`, `NONE` for
 * bots, `CONTRIBUTOR` once the author has a merged PR, else `FIRST_TIME_CONTRIBUTOR`; with `'none'` it carries none
 * (stored as `NONE`, which tells nothing — as for a backfilled PR). Deterministic; sorted by time.
 */
export interface ListedPullRequest {
  number: number;
  author: string;
  createdAt: string;
  /** `null`: closed without merging (at `closedAt`) or still open. */
  mergedAt: string | null;
  closedAt?: string | null;
  approvers: readonly string[];
  commenters: readonly string[];
}

export interface PullRequestListOptions {
  repository: { id: number; fullName: string };
  installationId?: number;
  associations: 'none' | 'at-opening';
  /** Logins GitHub reports as `MEMBER` (with `'at-opening'`). */
  members?: ReadonlySet<string>;
  /** Logins that are apps (`<login>[bot]`, type `Bot`). */
  bots?: ReadonlySet<string>;
  /** Who merges a PR nobody else approved. */
  fallbackMerger: string;
  /** The import horizon: only deliveries at or after it are returned. */
  from?: string;
}

const MINUTE = 60_000;

export function pullRequestListToDeliveries(list: readonly ListedPullRequest[], options: PullRequestListOptions): Delivery[] {
  const prs = [...list].sort((a, b) => a.number - b.number);
  if (prs.length === 0) return [];
  const bots = options.bots ?? new Set<string>();
  const members = options.members ?? new Set<string>();
  const [owner = '', name = ''] = options.repository.fullName.split('/');
  const repository = {
    id: options.repository.id,
    full_name: options.repository.fullName,
    name,
    private: false,
    default_branch: 'main',
    archived: false,
    fork: false,
    owner: { login: owner, id: 1, type: 'Organization' },
  };
  const ids = new Map<string, number>();
  const user = (login: string) => {
    const shown = bots.has(login) ? `${login}[bot]` : login;
    if (!ids.has(shown)) ids.set(shown, 10_000 + ids.size);
    return { login: shown, id: ids.get(shown)!, type: bots.has(login) ? 'Bot' : 'User' };
  };
  const iso = (ms: number) => new Date(Math.round(ms)).toISOString().replace('.000Z', 'Z');
  const out: Array<Delivery & { at: number }> = [];
  const emit = (name: string, at: number, payload: Record<string, unknown>) =>
    out.push({
      id: `${options.repository.id}-${String(out.length + 1).padStart(6, '0')}`,
      name,
      at,
      payload: { ...payload, repository, installation: { id: options.installationId ?? 1 } },
    });

  const byNumber = new Map(prs.map((pr) => [pr.number, pr]));
  if (byNumber.size !== prs.length) throw new Error('pullRequestListToDeliveries: two PRs share a number');
  const first = prs[0]!;
  const highest = prs.at(-1)!.number;
  const reporter = { login: 'issue-reporter', id: 7, type: 'User' };
  let below: ListedPullRequest | undefined;
  for (let n = 1; n <= highest; n += 1) {
    const pr = byNumber.get(n);
    if (pr) {
      below = pr;
      continue;
    }
    let above: ListedPullRequest | undefined;
    for (let k = n + 1; !above; k += 1) above = byNumber.get(k);
    const at = below
      ? Date.parse(below.createdAt) + ((Date.parse(above.createdAt) - Date.parse(below.createdAt)) * (n - below.number)) / (above.number - below.number)
      : Date.parse(first.createdAt) - (first.number - n) * MINUTE;
    const issue = {
      id: 5_000_000 + n,
      number: n,
      title: `Issue ${n}`,
      user: reporter,
      author_association: 'NONE',
      state: 'open',
      created_at: iso(at),
      updated_at: iso(at),
      closed_at: null,
      labels: [],
      milestone: null,
      assignees: [],
    };
    emit('issues', at, { action: 'opened', issue, sender: reporter });
  }

  const associationAt = (pr: ListedPullRequest) => {
    if (bots.has(pr.author)) return 'NONE';
    if (members.has(pr.author)) return 'MEMBER';
    const before = prs.some((other) => other.author === pr.author && other.mergedAt !== null && other.mergedAt < pr.createdAt);
    return before ? 'CONTRIBUTOR' : 'FIRST_TIME_CONTRIBUTOR';
  };
  for (const pr of prs) {
    const author = user(pr.author);
    const created = Date.parse(pr.createdAt);
    const endedAt = pr.mergedAt ?? pr.closedAt ?? null;
    const end = endedAt === null ? created + 24 * 60 * MINUTE : Date.parse(endedAt);
    const sha = String(pr.number).padStart(40, '0');
    const snapshot = (at: number, extra: Record<string, unknown> = {}) => ({
      id: 9_000_000 + pr.number,
      number: pr.number,
      title: `PR ${pr.number}`,
      user: author,
      ...(options.associations === 'at-opening' ? { author_association: associationAt(pr) } : {}),
      state: 'open',
      draft: false,
      created_at: pr.createdAt,
      updated_at: iso(at),
      closed_at: null,
      merged_at: null,
      merged_by: null,
      labels: [],
      milestone: null,
      base: { ref: 'main' },
      head: { ref: `pr-${pr.number}`, sha },
      ...extra,
    });
    emit('pull_request', created, { action: 'opened', number: pr.number, pull_request: snapshot(created), sender: author });
    const commenters = pr.commenters.filter((login) => login !== pr.author && !bots.has(login));
    commenters.forEach((login, i) => {
      const at = created + ((end - created) * (i + 1)) / (commenters.length + 2);
      const issue = { ...snapshot(at), id: 9_500_000 + pr.number, pull_request: { url: `https://api.github.com/pulls/${pr.number}` } };
      const comment = { id: 8_000_000 + pr.number * 20 + i, user: user(login), created_at: iso(at), updated_at: iso(at), body: 'comment' };
      emit('issue_comment', at, { action: 'created', issue, comment, sender: user(login) });
    });
    pr.approvers.forEach((login, i) => {
      const at = Math.max(created + 1000, end - (pr.approvers.length - i) * 1000);
      const review = { id: 7_000_000 + pr.number * 10 + i, user: user(login), state: 'approved', submitted_at: iso(at), commit_id: sha, body: '' };
      emit('pull_request_review', at, { action: 'submitted', review, pull_request: snapshot(at), sender: user(login) });
    });
    if (endedAt === null) continue;
    const merger = pr.mergedAt === null ? author : user(pr.approvers.find((login) => login !== pr.author) ?? options.fallbackMerger);
    const closed = snapshot(end, { state: 'closed', closed_at: endedAt, merged_at: pr.mergedAt, merged_by: pr.mergedAt === null ? null : merger });
    emit('pull_request', end, { action: 'closed', number: pr.number, pull_request: closed, sender: merger });
  }
  const from = options.from === undefined ? -Infinity : Date.parse(options.from);
  return out
    .filter((delivery) => delivery.at >= from)
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map(({ at: _at, ...delivery }) => delivery);
}
