import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { collectIssues, collectPullRequests, expectAgreement, HOUR, reference, referenceIssues } from '../helpers/reference-metrics.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * `report --json` over replayed deliveries against a reference computed from the payloads by the spec's definitions
 * (test/helpers/reference-metrics.ts): starts, merge times, first responses, first-time contributors, unanswered items.
 */

const dir = mkdtempSync(join(tmpdir(), 'fw-reference-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describe('report --json agrees with a reference computed from the payloads by the spec', () => {
  const database = `sqlite:${join(dir, 'store.db')}`;
  const deliveries = generateDeliveries({ pullRequests: 400, seed: 23, start: new Date('2026-03-01T00:00:00Z') });
  const prs = collectPullRequests(deliveries);
  const issues = collectIssues(deliveries);

  beforeAll(async () => {
    const file = join(dir, 'deliveries.jsonl');
    writeFileSync(file, `${deliveries.map((d) => JSON.stringify(d)).join('\n')}\n`);
    expect(JSON.parse(await runCli(['replay', file, '--json', '--database', database]))).toMatchObject({ failed: 0 });
  });

  // Plus a window ending while a newcomer's first PR, opened as a draft, waits to be marked ready: opened in the
  // window, it has not started yet.
  const waitingDraft = prs
    .filter((pr) => pr.human && pr.openedAsDraft && pr.readyMs !== null && pr.readyMs - pr.createdMs > 4 * HOUR)
    .find((pr) => !prs.some((other) => other.author === pr.author && other.createdMs < pr.createdMs))!;
  const midDraft = new Date(Math.floor((waitingDraft.createdMs + waitingDraft.readyMs!) / 2_000) * 1_000).toISOString();

  it.each(['2026-03-20T00:00:00Z', '2026-04-10T00:00:00Z', '2026-05-01T00:00:00Z', midDraft])('for the window ending %s', async (to) => {
    const report = JSON.parse(await runCli(['report', 'sample-org/sample-repo', '--json', '--to', to, '--database', database]));
    const toMs = Date.parse(to);
    const windowMs = 28 * 24 * HOUR;
    const expected = reference(prs, toMs - windowMs, toMs);
    expectAgreement(report.repo.metrics, { ...expected, ...referenceIssues(issues, toMs - windowMs, toMs) });
    const previous = [toMs - 2 * windowMs, toMs - windowMs] as const;
    expectAgreement(report.repo.previous, { ...reference(prs, ...previous), ...referenceIssues(issues, ...previous) });
    // The windows hold enough to mean something.
    expect(expected.pr_time_to_merge_hours.n).toBeGreaterThan(5);
    expect(expected.pr_time_to_first_response_hours.n).toBeGreaterThan(5);
    expect(expected.first_time_contributors).toBeGreaterThan(0);
    expect(referenceIssues(issues, toMs - windowMs, toMs).issue_time_to_first_response_hours.n).toBeGreaterThan(3);
    expect(report.repo.metrics.unanswered_prs + report.repo.metrics.unanswered_issues).toBeGreaterThan(0);
  });
});
