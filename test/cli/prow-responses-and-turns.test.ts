import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backfillRepository } from '../../src/backfill/backfill-repository.js';
import { createRateLimitGovernor } from '../../src/backfill/rate-limit-governor.js';
import { buildGitHubModel } from '../../src/backfill/simulator/build-github-model.js';
import { createGraphQLSimulator } from '../../src/backfill/simulator/create-graphql-simulator.js';
import { openStore } from '../../src/store/open-store.js';
import { callSimulator, createFakeClock } from '../backfill/helpers.js';
import { runCli } from '../helpers/run-cli.js';
import { buildProwHistory, PROW_CONFIG_YAML, REPOSITORY, TO_ISO } from './prow-history.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-prow-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deliveries = buildProwHistory();
const configFile = join(dir, 'fallacy-watch.yml');
writeFileSync(configFile, PROW_CONFIG_YAML);
const report = (database: string, format = '--json') =>
  runCli(['report', REPOSITORY, format, '--to', TO_ISO, '--config', configFile, '--database', database]);

/** The figures worked out by hand from the definitions (see the comments in `prow-history.ts`). */
const EXPECTED = {
  // PRs 1 (82 h), 2 (172 h) and 4 (72 h, since the author's last push after the change request).
  prs_waiting_on_reviewers: 3,
  // PRs 3 (author's /retest is no answer), 5 (second change request) and 6 (a maintainer's push is no answer).
  prs_waiting_on_author: 3,
  // [72, 82, 172]: p90 at rank 1.8 → 82 + 0.8 · 90.
  pr_review_wait_hours: { n: 3, p50: 82, p90: 154 },
  // PRs 8 (first PR) and 11; not 9 (a human's /close), 10 (answered) or 12 (merged).
  prs_closed_by_bot_unanswered: 2,
  first_prs_closed_by_bot_unanswered: 1,
  // Issue 14; not 15 (answered) or 16 (its author's /close).
  issues_closed_by_bot_unanswered: 1,
  // PRs 2, 3, 4, 5, 6, 10, 12: [10, 20, 10, 10, 10, 10, 10]; no command but /lgtm counts.
  pr_time_to_first_response_hours: { n: 7, p50: 10, p90: 14 },
  // PRs 2 (/lgtm), 3, 4, 5, 6 (change requests), 12 (/lgtm): [10, 20, 10, 10, 10, 10].
  pr_time_to_first_review_hours: { n: 6, p50: 10, p90: 15 },
  // PR 1: 82 h with only /retest and /assign.
  unanswered_prs: 1,
  // Issue 15 only (1 h); issue 14's /kind and /triage are no response.
  issue_time_to_first_response_hours: { n: 1, p50: 1, p90: 1 },
  // First PRs 8 and 9 were closed with no response (9's /close is no response either).
  abandoned_first_prs: 2,
  // alice and bob: reviews and review commands; the robots are bots.
  active_reviewers: 2,
};

describe('a prow-style history gives the hand-worked figures on the webhook and the backfill path', () => {
  const replayed = `sqlite:${join(dir, 'replayed.db')}`;
  const backfilled = `sqlite:${join(dir, 'backfilled.db')}`;

  it('replayed webhooks', async () => {
    const file = join(dir, 'deliveries.jsonl');
    writeFileSync(file, `${deliveries.map((d) => JSON.stringify(d)).join('\n')}\n`);
    expect(JSON.parse(await runCli(['replay', file, '--json', '--database', replayed]))).toEqual({
      new: deliveries.length,
      duplicate: 0,
      skipped: 0,
      failed: 0,
    });
    const json = JSON.parse(await report(replayed));
    expect(json.repo.metrics).toMatchObject(EXPECTED);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        rule: 'onboarding-is-free',
        title: '1 first PR was closed by a bot before anyone answered (2 PRs and 1 issue in all)',
      }),
    );
  });

  it('the same history backfilled through the GraphQL simulator', async () => {
    const clock = createFakeClock(TO_ISO);
    const store = await openStore(backfilled);
    try {
      await backfillRepository({
        store,
        graphql: callSimulator(createGraphQLSimulator(buildGitHubModel(deliveries), { clock })),
        governor: createRateLimitGovernor({ clock }),
        installationId: 0,
        repository: REPOSITORY,
        now: new Date(TO_ISO),
      });
    } finally {
      await store.close();
    }
    const json = JSON.parse(await report(backfilled));
    expect(json.repo.metrics).toMatchObject(EXPECTED);
    expect(await report(backfilled)).toBe(await report(replayed));
  });

  it('the digest shows both sides of whose turn it is', async () => {
    expect(await report(replayed, '--markdown')).toContain('Whose turn: 3 PRs wait on reviewers, 3 on their authors.');
  });
});
