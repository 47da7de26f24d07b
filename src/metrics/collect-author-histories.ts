import type { RepositoryHistory } from '../core/records.js';
import type { AuthorHistory, PullRequestFacts } from './activity-facts.js';
import { countsTowardsFirstPullRequests, FIRST_PULL_REQUESTS } from './history-definitions.js';
import { parseTimestamp } from './parse-timestamp.js';
import { countContiguousNumbers, tellFirstPullRequest } from './tell-first-pull-request.js';

/**
 * Every human PR author's first stored PR and second PR's creation, and whether that first stored PR is their first
 * in the repository ({@link tellFirstPullRequest}). Marks `firstOfAuthor` on the facts of first PRs, and
 * `firstOfAuthorUnknown` on first stored PRs the history cannot tell about (an earlier PR may predate the store).
 * From the store's `history` when the activity holds only recent items (a first PR may be older than anything read),
 * else from the PRs themselves (and `issueNumbers`, for how far numbers are stored without a gap); both by the one
 * definition ({@link FIRST_PULL_REQUESTS}: the store is asked it, the PRs here are read by it).
 */
export function collectAuthorHistories(
  pullRequests: readonly PullRequestFacts[],
  history: RepositoryHistory | undefined,
  isHuman: (login: string) => boolean,
  issueNumbers: readonly number[] = [],
): Map<string, AuthorHistory> {
  const authors = history
    ? fromHistory(history, isHuman)
    : fromPullRequests(pullRequests, countContiguousNumbers([...pullRequests.map((facts) => facts.record.number), ...issueNumbers]));
  for (const facts of pullRequests) {
    if (!facts.humanAuthor) continue;
    const author = authors.get(facts.record.author);
    if (author?.firstNumber !== facts.record.number) continue;
    if (author.firstIsFirstPr === true) facts.firstOfAuthor = true;
    if (author.firstIsFirstPr === null) facts.firstOfAuthorUnknown = true;
  }
  return authors;
}

function fromHistory(history: RepositoryHistory, isHuman: (login: string) => boolean): Map<string, AuthorHistory> {
  const authors = new Map<string, AuthorHistory>();
  const contiguousThrough = history.contiguousThrough ?? 0;
  for (const entry of history.pullRequestAuthors) {
    if (!isHuman(entry.author)) continue;
    authors.set(entry.author, {
      firstNumber: entry.firstNumber,
      firstCreatedMs: parseTimestamp(entry.firstCreatedAt),
      secondCreatedMs: entry.secondCreatedAt === null ? null : parseTimestamp(entry.secondCreatedAt),
      firstIsFirstPr:
        entry.firstIsFirst !== undefined
          ? entry.firstIsFirst
          : tellFirstPullRequest(
              { number: entry.firstNumber, openedAssociation: entry.firstOpenedAssociation, searchedFirstNumber: entry.searchedFirstNumber },
              contiguousThrough,
            ),
    });
  }
  return authors;
}

function fromPullRequests(pullRequests: readonly PullRequestFacts[], contiguousThrough: number): Map<string, AuthorHistory> {
  const authors = new Map<string, AuthorHistory & { firstAssociation: string | null | undefined }>();
  const precedes = (a: PullRequestFacts, b: AuthorHistory) =>
    a.createdMs < b.firstCreatedMs || (a.createdMs === b.firstCreatedMs && a.record.number < b.firstNumber);
  for (const facts of pullRequests) {
    if (!facts.humanAuthor || !countsTowardsFirstPullRequests(facts.record)) continue;
    const known = authors.get(facts.record.author);
    const first = { firstNumber: facts.record.number, firstCreatedMs: facts.createdMs, firstAssociation: facts.record.openedAuthorAssociation, firstIsFirstPr: null };
    if (known === undefined) {
      authors.set(facts.record.author, { ...first, secondCreatedMs: null });
    } else if (precedes(facts, known)) {
      authors.set(facts.record.author, { ...first, secondCreatedMs: FIRST_PULL_REQUESTS.perAuthor > 1 ? known.firstCreatedMs : null });
    } else if (FIRST_PULL_REQUESTS.perAuthor > 1 && (known.secondCreatedMs === null || facts.createdMs < known.secondCreatedMs)) {
      known.secondCreatedMs = facts.createdMs;
    }
  }
  for (const author of authors.values()) {
    author.firstIsFirstPr = tellFirstPullRequest({ number: author.firstNumber, openedAssociation: author.firstAssociation }, contiguousThrough);
  }
  return new Map([...authors].map(([login, { firstAssociation, ...history }]) => [login, history]));
}
