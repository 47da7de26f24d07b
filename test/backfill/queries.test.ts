import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildFollowUpQuery, type FollowUpRequest, MAX_FOLLOW_UPS_PER_QUERY } from '../../src/backfill/queries/follow-up.graphql.js';
import type { ConnectionKind } from '../../src/backfill/queries/fragments.graphql.js';
import { ISSUES_PAGE_QUERY } from '../../src/backfill/queries/issues-page.graphql.js';
import { MILESTONES_PAGE_QUERY } from '../../src/backfill/queries/milestones-page.graphql.js';
import { PULL_REQUESTS_PAGE_QUERY } from '../../src/backfill/queries/pull-requests-page.graphql.js';
import { RELEASES_PAGE_QUERY } from '../../src/backfill/queries/releases-page.graphql.js';
import { REPOSITORY_QUERY } from '../../src/backfill/queries/repository.graphql.js';
import { computeQueryCost } from '../../src/backfill/simulator/compute-query-cost.js';
import { loadGitHubSchema } from '../../src/backfill/simulator/create-graphql-simulator.js';

const KINDS: ConnectionKind[] = ['pr-timeline', 'issue-timeline', 'files', 'labels', 'assignees', 'assets'];
const followUps = (n: number): FollowUpRequest[] =>
  Array.from({ length: n }, (_, i) => ({ kind: KINDS[i % KINDS.length]!, nodeId: `N_${i}`, cursor: `c${i}` }));

/** Every document the backfill sends, with its point budget (GitHub's formula) and why. */
const DOCUMENTS: Array<{ name: string; query: string; variables?: Record<string, unknown>; budget: number }> = [
  { name: 'repository', query: REPOSITORY_QUERY, budget: 1 },
  // 1 request for 100 PRs + 100 each for labels, timeline items and files.
  { name: 'pull requests page', query: PULL_REQUESTS_PAGE_QUERY, budget: 3 },
  // 1 + 100 each for labels, assignees and timeline items.
  { name: 'issues page', query: ISSUES_PAGE_QUERY, budget: 3 },
  // 25 milestones: 1 + 25 each for four totals (open / closed issues and PRs).
  { name: 'milestones page', query: MILESTONES_PAGE_QUERY, budget: 1 },
  { name: 'releases page', query: RELEASES_PAGE_QUERY, budget: 1 },
  { name: 'one follow-up', ...buildFollowUpQuery(followUps(1)), budget: 1 },
  { name: 'a full batch of follow-ups', ...buildFollowUpQuery(followUps(MAX_FOLLOW_UPS_PER_QUERY)), budget: 1 },
];

describe('backfill query documents', () => {
  const schema = loadGitHubSchema();

  it.each(DOCUMENTS)('$name validates against GitHub’s public schema', ({ query }) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });

  it.each(DOCUMENTS)('$name costs at most $budget point(s)', ({ query, variables, budget }) => {
    expect(computeQueryCost(query, variables).points).toBeLessThanOrEqual(budget);
  });

  it('a page of 100 PRs with everything a backfill needs costs 3 points: 1 per nested connection', () => {
    expect(computeQueryCost(PULL_REQUESTS_PAGE_QUERY)).toEqual({ requests: 301, points: 3 });
  });

  it('refuses an empty or oversized follow-up batch', () => {
    expect(() => buildFollowUpQuery([])).toThrow();
    expect(() => buildFollowUpQuery(followUps(MAX_FOLLOW_UPS_PER_QUERY + 1))).toThrow();
  });
});

describe('computeQueryCost (GitHub’s documented formula)', () => {
  it('reproduces the documentation’s example: 1 + 100 + 5,000 requests → 51 points', () => {
    const query = `query {
      viewer {
        login
        repositories(first: 100) {
          edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } }
        }
      }
    }`;
    expect(computeQueryCost(query)).toEqual({ requests: 5101, points: 51 });
  });

  it('reads page sizes from variables and follows named fragments', () => {
    const query = `query ($n: Int!) { repository(owner: "o", name: "r") { pullRequests(first: $n) { nodes { ...F } } } }
      fragment F on PullRequest { labels(first: 10) { nodes { name } } reviews(first: 5) { nodes { id } } }`;
    expect(computeQueryCost(query, { n: 50 })).toEqual({ requests: 101, points: 1 });
  });

  it('charges at least one point', () => {
    expect(computeQueryCost('{ viewer { login } }')).toEqual({ requests: 0, points: 1 });
  });
});
