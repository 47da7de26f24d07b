import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator, type GraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { type GitHubSimulator, startGitHubSimulator } from '../../src/simulator/start-github-simulator.js';
import { runCli } from '../helpers/run-cli.js';

const REPOSITORY = 'sample-org/sample-repo';
const dir = mkdtempSync(join(tmpdir(), 'fw-action-'));
const deliveries = generateDeliveries({ pullRequests: 90, start: new Date('2026-11-05T00:00:00Z') });

/** When GitHub sent a delivery: the newest timestamp of what it reports. */
function sentAt(payload: unknown): number {
  const p = payload as Record<string, Record<string, string | undefined> | undefined>;
  const stamp = p.review?.submitted_at ?? p.comment?.created_at ?? p.pull_request?.updated_at ?? p.issue?.updated_at ?? p.milestone?.updated_at ?? p.release?.published_at;
  return stamp ? Date.parse(stamp) : 0;
}
const until = (iso: string) => buildGitHubModel(deliveries.filter((delivery) => sentAt(delivery.payload) < Date.parse(iso)));

/**
 * The Action end to end, over HTTP: `publish-digest` (what action.yml runs) with its API URL pointed at one local
 * server that answers GraphQL from the backfill simulator (the repository's history) and every REST call from the
 * GitHub API simulator (config, tree, workflows, issues, labels). Two scheduled runs in the same week.
 */
describe('the GitHub Action (publish-digest against the simulators)', () => {
  let rest: GitHubSimulator;
  let graphql: GraphQLSimulator;
  let front: Server;
  let apiUrl: string;
  const database = `sqlite:${join(dir, 'store.db')}`;
  const run = (now: string, summary: string) =>
    runCli(['publish-digest', REPOSITORY, '--token', 'ghs_sim_1', '--api-url', apiUrl, '--database', database, '--now', now, '--summary', join(dir, summary), '--github-output', join(dir, 'output')]);
  let firstImport = 0;
  const digests = () => rest.state.issues.filter((issue) => issue.repository === REPOSITORY && issue.labels.includes('community-health'));

  beforeAll(async () => {
    rest = await startGitHubSimulator({
      dataset: {
        installations: [
          {
            id: 1,
            account: 'sample-org',
            repositories: [
              {
                id: 100_001,
                fullName: REPOSITORY,
                defaultBranch: 'main',
                files: { '.github/fallacy-watch.yml': 'windowDays: 14\ndigest:\n  hour: 23\n', CODEOWNERS: '/api/ @amara\n/docs/ @bjorn\n' },
              },
            ],
          },
        ],
      },
    });
    graphql = createGraphQLSimulator(until('2026-11-23T06:00:00Z'), { clock: { now: () => Date.now() } });
    front = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (request.method === 'POST' && request.url?.endsWith('/graphql')) {
          const answer = graphql.handle(JSON.parse(body));
          response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body));
          return;
        }
        const forwarded = await fetch(`${rest.url}${request.url}`, {
          method: request.method ?? 'GET',
          headers: { authorization: request.headers.authorization ?? '', 'content-type': 'application/json', accept: 'application/json' },
          ...(body ? { body } : {}),
        });
        const text = await forwarded.text();
        // Probot's config loader asks for a file's raw content (`application/vnd.github.v3.raw`), as GitHub serves it.
        if (forwarded.ok && String(request.headers.accept).includes('raw')) {
          response.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from((JSON.parse(text) as { content: string }).content, 'base64'));
          return;
        }
        response.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'application/json', ...(forwarded.headers.get('link') ? { link: forwarded.headers.get('link')!.replaceAll(rest.url, apiUrl) } : {}) }).end(text);
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/api/v3`;
  });
  afterAll(async () => {
    await new Promise((resolve) => front.close(resolve));
    await rest.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('first run imports the history and creates one digest issue; the job summary holds the digest', async () => {
    const out = await run('2026-11-23T06:00:00Z', 'summary-1.md');
    expect(out).toMatch(/^sample-org\/sample-repo: imported \d+ pull requests, \d+ issues; digest issue #1 created \(/);
    expect(digests()).toHaveLength(1);
    const [issue] = digests();
    expect(issue!.title).toBe('Community health digest — week of 2026-11-23');
    const summary = readFileSync(join(dir, 'summary-1.md'), 'utf8');
    expect(summary).toContain('### fallacy-watch — sample-org/sample-repo');
    expect(summary).toContain(`## ${issue!.title}\n\n${issue!.body}`);
    expect(readFileSync(join(dir, 'output'), 'utf8')).toMatch(/^issue-number=1\nissue-url=\S+\naction=created\n$/);
    // The repository's config was used: a 14-day window.
    expect(issue!.body).toContain('Every figure covers the last 14 days (2026-11-09 to 2026-11-23)');
    firstImport = Number(/imported (\d+) pull requests/.exec(out)![1]);
    expect(firstImport).toBeGreaterThan(30);
  });

  it('a second run the same week imports only what changed and updates the same issue', async () => {
    graphql.model = until('2026-11-25T12:00:00Z');
    const out = await run('2026-11-25T12:00:00Z', 'summary-2.md');
    expect(out).toMatch(/digest issue #1 updated \(/);
    expect(digests()).toHaveLength(1);
    expect(rest.state.issues.filter((issue) => issue.repository === REPOSITORY)).toHaveLength(1);
    // Incremental: the second import fetched only the pull requests that changed since the first.
    const secondImport = Number(/imported (\d+) pull requests/.exec(out)![1]);
    expect(secondImport).toBeGreaterThan(0);
    expect(secondImport).toBeLessThan(firstImport / 2);
  });

  it('action.yml runs publish-digest with the inputs passed through the environment, never spliced into the script', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> };
      inputs: Record<string, unknown>;
    };
    expect(action.runs.using).toBe('composite');
    const step = action.runs.steps.find((candidate) => candidate.run?.includes('publish-digest'))!;
    expect(step.run).not.toContain('${{');
    expect(step.env).toMatchObject({ GITHUB_TOKEN: '${{ inputs.token }}' });
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['token', 'repository', 'database', 'days']));
  });
});
