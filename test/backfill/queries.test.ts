import { NoDeprecatedCustomRule, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  buildFollowUpQuery,
  type FollowUpRequest,
  MAX_FOLLOW_UPS_PER_QUERY,
} from '../../src/backfill/queries/follow-up.graphql.js';
import type { ConnectionKind, NodeType } from '../../src/backfill/queries/fragments.graphql.js';
import { ISSUES_PAGE_QUERY } from '../../src/backfill/queries/issues-page.graphql.js';
import { MILESTONES_PAGE_QUERY } from '../../src/backfill/queries/milestones-page.graphql.js';
import { PULL_REQUESTS_PAGE_QUERY } from '../../src/backfill/queries/pull-requests-page.graphql.js';
import { RELEASES_PAGE_QUERY } from '../../src/backfill/queries/releases-page.graphql.js';
import { REPOSITORY_QUERY } from '../../src/backfill/queries/repository.graphql.js';
import { computeQueryCost } from '../../src/backfill/simulator/compute-query-cost.js';
import { loadGitHubSchema } from '../../src/backfill/simulator/create-graphql-simulator.js';

const KINDS: ConnectionKind[] = ['pr-timeline', 'issue-timeline', 'files', 'assets'];
const NODE_TYPES: NodeType[] = ['PullRequest', 'Issue', 'Release'];
/** `n` follow-ups of every shape: first and later pages of each connection, and whole nodes fetched again by id. */
const followUps = (n: number): FollowUpRequest[] =>
  Array.from({ length: n }, (_, i): FollowUpRequest =>
    i % 3 === 2
      ? { kind: 'refetch', nodeType: NODE_TYPES[i % NODE_TYPES.length]!, nodeId: `N_${i}` }
      : { kind: KINDS[i % KINDS.length]!, nodeId: `N_${i}`, cursor: i % 3 === 0 ? null : `c${i}` },
  );
const filesOf = (n: number): FollowUpRequest[] => Array.from({ length: n }, (_, i) => ({ kind: 'files', nodeId: `PR_${i}`, cursor: null }));
const refetches = (n: number): FollowUpRequest[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'refetch', nodeType: 'PullRequest', nodeId: `PR_${i}` }));

/** Every document the backfill sends, with its point cost (GitHub's formula) and why. */
const DOCUMENTS: Array<{ name: string; query: string; variables?: Record<string, unknown>; points: number }> = [
  { name: 'repository', query: REPOSITORY_QUERY, points: 1 },
  // 1 request for 100 PRs + 100 for their timelines; labels come from the timeline, files from follow-ups.
  { name: 'pull requests page', query: PULL_REQUESTS_PAGE_QUERY, points: 1 },
  // 1 + 100 for the timelines; labels and assignees come from the timeline.
  { name: 'issues page', query: ISSUES_PAGE_QUERY, points: 1 },
  // 25 milestones: 1 + 25 each for four totals (open / closed issues and PRs).
  { name: 'milestones page', query: MILESTONES_PAGE_QUERY, points: 1 },
  { name: 'releases page', query: RELEASES_PAGE_QUERY, points: 1 },
  { name: 'one follow-up', ...buildFollowUpQuery(followUps(1)), points: 1 },
  { name: '100 follow-ups of every shape', ...buildFollowUpQuery(followUps(MAX_FOLLOW_UPS_PER_QUERY)), points: 1 },
  { name: 'the files of 100 PRs', ...buildFollowUpQuery(filesOf(100)), points: 1 },
  { name: '100 held-back PRs fetched again by id', ...buildFollowUpQuery(refetches(100)), points: 1 },
];

describe('backfill query documents', () => {
  const schema = loadGitHubSchema();

  it.each(DOCUMENTS)('$name validates against GitHub’s public schema', ({ query }) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });

  it.each(DOCUMENTS)('$name selects no deprecated field (fullDatabaseId, not databaseId, where the schema offers it)', ({ query }) => {
    expect(validate(schema, parse(query), [NoDeprecatedCustomRule]).map((error) => error.message)).toEqual([]);
  });

  it.each(DOCUMENTS)('$name never asks a connection for `first: 0` (GitHub documents 1–100; totals need no `first`)', ({ query }) => {
    expect(query).not.toMatch(/\b(first|last):\s*0\b/);
  });

  it.each(DOCUMENTS)('$name costs $points point(s)', ({ query, variables, points }) => {
    expect(computeQueryCost(query, variables).points).toBe(points);
  });

  it('a page of 100 PRs costs 1 point: the page and one nested connection (the timeline)', () => {
    expect(computeQueryCost(PULL_REQUESTS_PAGE_QUERY)).toEqual({ requests: 101, points: 1 });
    expect(PULL_REQUESTS_PAGE_QUERY).not.toMatch(/\b(labels|files)\(/);
    expect(computeQueryCost(ISSUES_PAGE_QUERY)).toEqual({ requests: 101, points: 1 });
    expect(ISSUES_PAGE_QUERY).not.toMatch(/\b(labels|assignees)\(/);
  });

  it('a full follow-up query is 100 requests (one per alias), 1 point', () => {
    expect(computeQueryCost(buildFollowUpQuery(filesOf(100)).query)).toEqual({ requests: 100, points: 1 });
    expect(computeQueryCost(buildFollowUpQuery(refetches(100)).query)).toEqual({ requests: 100, points: 1 });
  });

  it('asks for a first page without a cursor and for a later page after it', () => {
    const { query, variables } = buildFollowUpQuery([
      { kind: 'files', nodeId: 'PR_1', cursor: null },
      { kind: 'pr-timeline', nodeId: 'PR_2', cursor: 'c2' },
    ]);
    expect(variables).toEqual({ id0: 'PR_1', id1: 'PR_2', cursor1: 'c2' });
    expect(query).toContain('f0: node(id: $id0) { ... on PullRequest { files(first: 100) {');
    expect(query).toContain('f1: node(id: $id1) { ... on PullRequest { timelineItems(first: 100, after: $cursor1,');
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
