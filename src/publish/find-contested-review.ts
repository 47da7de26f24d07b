import { isBot } from '../core/is-bot.js';
import type { ReviewRecord } from '../core/records.js';

/** Who approves and who requests changes on a contested pull request. */
export interface ContestedReview {
  approvedBy: string[];
  changesRequestedBy: string[];
}

/**
 * Whether a pull request's review is contested: taking each human reviewer's latest state-setting review
 * (`APPROVED`, `CHANGES_REQUESTED`, `DISMISSED`; comments do not change a standing, pending reviews are not
 * submitted), one approves while another requests changes. The author, bots and `ignoreUsers` are left out.
 * Returns the two groups, sorted, or `null`.
 */
export function findContestedReview(
  reviews: readonly ReviewRecord[],
  pull: { number: number; author: string },
  ignoreUsers: readonly string[] = [],
): ContestedReview | null {
  const ignored = new Set(ignoreUsers.map((login) => login.toLowerCase()));
  const author = pull.author.toLowerCase();
  const latest = new Map<string, { login: string; state: ReviewRecord['state']; at: string; id: number }>();
  for (const review of reviews) {
    if (review.prNumber !== pull.number || review.submittedAt === null) continue;
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    const key = review.author.toLowerCase();
    if (key === author || isBot(review.author, review.authorType, ignored)) continue;
    const seen = latest.get(key);
    if (!seen || review.submittedAt > seen.at || (review.submittedAt === seen.at && review.id > seen.id)) {
      latest.set(key, { login: review.author, state: review.state, at: review.submittedAt, id: review.id });
    }
  }
  const pick = (state: ReviewRecord['state']) =>
    [...latest.values()].filter((entry) => entry.state === state).map((entry) => entry.login).sort();
  const approvedBy = pick('APPROVED');
  const changesRequestedBy = pick('CHANGES_REQUESTED');
  return approvedBy.length > 0 && changesRequestedBy.length > 0 ? { approvedBy, changesRequestedBy } : null;
}
