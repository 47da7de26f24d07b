import type { AreaModel } from '../areas/area-model.js';
import type { CommentRecord, PullRequestRecord, ReviewRecord } from '../core/records.js';
import { isBot } from '../core/is-bot.js';

const DAY_MS = 86_400_000;

/** The look-back of `stale_owners`, in days. */
export const DEFAULT_STALE_DAYS = 365;

/** The default look-back ending at `end`, as ISO times `[from, to]` (how reports and the store name it). */
export function staleOwnerLookBack(end: Date): { from: string; to: string } {
  return { from: new Date(end.getTime() - DEFAULT_STALE_DAYS * DAY_MS).toISOString(), to: end.toISOString() };
}

export interface StaleOwnersInput {
  model: Pick<AreaModel, 'areas'>;
  pullRequests: readonly PullRequestRecord[];
  reviews: readonly ReviewRecord[];
  comments: readonly CommentRecord[];
  now: Date;
  /** Owners of one area only; omit for every owner in the repository. */
  area?: string;
  ignoreUsers?: readonly string[];
  /** Look-back in days. Default 365. */
  staleDays?: number;
  /**
   * The earliest time the store has activity for. When the store does not reach back `staleDays` before `now`,
   * silence cannot be told from missing history and the metric is `null`. Omit when history is complete.
   */
  historySince?: Date | null;
  /**
   * Lower-case logins with a review, comment or PR in the look-back, when the caller already knows them (the report
   * builder computes them once for every area); `reviews`, `comments` and `pullRequests` are then not scanned.
   */
  activeLogins?: ReadonlySet<string>;
}

/**
 * `stale_owners`: user owners (teams and emails cannot be attributed to a login) with no review, comment or PR in
 * the repository during the `staleDays` (365) days up to `now`, sorted. Bot owners are left out. Activity after `now`
 * is ignored, so a report for a past date is reproducible.
 */
export function computeStaleOwners(input: StaleOwnersInput): string[] | null {
  const nowMs = input.now.getTime();
  const sinceMs = nowMs - (input.staleDays ?? DEFAULT_STALE_DAYS) * DAY_MS;
  if (input.historySince && input.historySince.getTime() > sinceMs) return null;
  const ignore = new Set((input.ignoreUsers ?? []).map((login) => login.toLowerCase()));

  const owners = new Set<string>();
  for (const area of input.model.areas) {
    if (input.area !== undefined && area.name !== input.area) continue;
    for (const owner of area.owners) {
      if (owner.includes('/') || owner.includes('@') || isBot(owner, 'User', ignore)) continue;
      owners.add(owner.toLowerCase());
    }
  }

  if (owners.size === 0) return [];
  const active = input.activeLogins ?? listActiveLogins(input, sinceMs, nowMs);
  return [...owners].filter((owner) => !active.has(owner)).sort();
}

/** Lower-case logins with a submitted review, a comment or a PR in `[sinceMs, nowMs]`. */
export function listActiveLogins(
  input: Pick<StaleOwnersInput, 'reviews' | 'comments' | 'pullRequests'>,
  sinceMs: number,
  nowMs: number,
): Set<string> {
  const active = new Set<string>();
  const seen = (login: string, at: string | null) => {
    if (at === null) return;
    const ms = Date.parse(at);
    if (ms >= sinceMs && ms <= nowMs) active.add(login.toLowerCase());
  };
  for (const review of input.reviews) if (review.state !== 'PENDING') seen(review.author, review.submittedAt);
  for (const comment of input.comments) seen(comment.author, comment.createdAt);
  for (const pr of input.pullRequests) seen(pr.author, pr.createdAt);
  return active;
}
