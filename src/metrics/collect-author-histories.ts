import type { RepositoryHistory } from '../core/records.js';
import type { AuthorHistory, PullRequestFacts } from './activity-facts.js';
import { parseTimestamp } from './parse-timestamp.js';

/**
 * Every human PR author's first PR and second PR's creation, and marks `firstOfAuthor` on the facts of first PRs.
 * From the store's `history` when the activity holds only recent items (a first PR may be older than anything read),
 * else from the PRs themselves; both order an author's PRs by creation time, then number.
 */
export function collectAuthorHistories(
  pullRequests: readonly PullRequestFacts[],
  history: RepositoryHistory | undefined,
  isHuman: (login: string) => boolean,
): Map<string, AuthorHistory> {
  const authors = history ? fromHistory(history, isHuman) : fromPullRequests(pullRequests);
  for (const facts of pullRequests) {
    if (facts.humanAuthor && authors.get(facts.record.author)?.firstNumber === facts.record.number) facts.firstOfAuthor = true;
  }
  return authors;
}

function fromHistory(history: RepositoryHistory, isHuman: (login: string) => boolean): Map<string, AuthorHistory> {
  const authors = new Map<string, AuthorHistory>();
  for (const entry of history.pullRequestAuthors) {
    if (!isHuman(entry.author)) continue;
    authors.set(entry.author, {
      firstNumber: entry.firstNumber,
      firstCreatedMs: parseTimestamp(entry.firstCreatedAt),
      secondCreatedMs: entry.secondCreatedAt === null ? null : parseTimestamp(entry.secondCreatedAt),
    });
  }
  return authors;
}

function fromPullRequests(pullRequests: readonly PullRequestFacts[]): Map<string, AuthorHistory> {
  const authors = new Map<string, AuthorHistory>();
  const precedes = (a: PullRequestFacts, b: AuthorHistory) =>
    a.createdMs < b.firstCreatedMs || (a.createdMs === b.firstCreatedMs && a.record.number < b.firstNumber);
  for (const facts of pullRequests) {
    if (!facts.humanAuthor) continue;
    const known = authors.get(facts.record.author);
    if (known === undefined) {
      authors.set(facts.record.author, { firstNumber: facts.record.number, firstCreatedMs: facts.createdMs, secondCreatedMs: null });
    } else if (precedes(facts, known)) {
      authors.set(facts.record.author, { firstNumber: facts.record.number, firstCreatedMs: facts.createdMs, secondCreatedMs: known.firstCreatedMs });
    } else if (known.secondCreatedMs === null || facts.createdMs < known.secondCreatedMs) {
      known.secondCreatedMs = facts.createdMs;
    }
  }
  return authors;
}
