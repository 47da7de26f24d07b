import type { AreaMetrics, ReviewerLoad } from '../rules/types.js';

/** A reviewer the check run suggests, with the figures that make them a good pick. */
export interface SuggestedReviewer {
  login: string;
  openReviewRequests: number;
  reviews90d: number;
  /** The touched areas this reviewer owns. */
  areas: string[];
}

export interface SuggestReviewersInput {
  /** The areas the pull request touches. */
  areas: readonly AreaMetrics[];
  reviewers: readonly ReviewerLoad[];
  /** The pull request's author: never suggested. */
  author?: string;
  /** Reviewers already requested: not suggested again. */
  requested?: readonly string[];
  /** People who already reviewed this pull request: they know it; suggest someone new. */
  reviewed?: readonly string[];
  /** Other logins never suggested (`ignoreUsers`). */
  exclude?: readonly string[];
  /** Reviewers with more open review requests than this are over the load limit and not suggested. */
  maxOpenReviewRequests?: number;
  /** At most this many; default 3. */
  limit?: number;
}

/**
 * Up to `limit` (3) reviewers for a pull request: active owners of the areas it touches with the fewest open review
 * requests. An owner is active with at least one review in the last 90 days (`reviews_90d`), which is how
 * `active_reviewers` counts; teams (`org/team`), bots, the author, people already requested or who already reviewed
 * the pull request, reviewers over `maxOpenReviewRequests` and excluded logins are skipped; logins compare without
 * case and without a leading `@`. Ties go to the owner of more touched areas, then the busier reviewer, then the login.
 */
export function suggestReviewers(input: SuggestReviewersInput): SuggestedReviewer[] {
  const excluded = new Set(
    [...(input.author ? [input.author] : []), ...(input.requested ?? []), ...(input.reviewed ?? []), ...(input.exclude ?? [])].map(normalizeLogin),
  );
  const overLimit = (load: ReviewerLoad) =>
    input.maxOpenReviewRequests !== undefined && load.open_review_requests > input.maxOpenReviewRequests;
  const loads = new Map(input.reviewers.map((load) => [normalizeLogin(load.login), load]));
  const candidates = new Map<string, SuggestedReviewer>();
  for (const area of input.areas) {
    for (const owner of area.owners) {
      const key = normalizeLogin(owner);
      if (key.includes('/') || key.endsWith('[bot]') || excluded.has(key)) continue;
      const load = loads.get(key);
      if (!load || load.reviews_90d < 1 || overLimit(load)) continue;
      const candidate = candidates.get(key) ?? {
        login: load.login.replace(/^@/, ''),
        openReviewRequests: load.open_review_requests,
        reviews90d: load.reviews_90d,
        areas: [],
      };
      if (!candidate.areas.includes(area.area)) candidate.areas.push(area.area);
      candidates.set(key, candidate);
    }
  }
  return [...candidates.values()]
    .sort(
      (a, b) =>
        a.openReviewRequests - b.openReviewRequests ||
        b.areas.length - a.areas.length ||
        b.reviews90d - a.reviews90d ||
        a.login.localeCompare(b.login),
    )
    .slice(0, input.limit ?? 3);
}

function normalizeLogin(login: string): string {
  return login.trim().replace(/^@/, '').toLowerCase();
}
