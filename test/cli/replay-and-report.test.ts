import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDeliveries } from '../../src/sample/generate-deliveries.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay and report on the command line', () => {
  const database = `sqlite:${join(dir, 'store.db')}`;
  const file = join(dir, 'deliveries.jsonl');
  const deliveries = generateDeliveries({ pullRequests: 200, start: new Date('2026-08-01T00:00:00Z') }).slice(0, 1000);
  writeFileSync(file, `${deliveries.map((d) => JSON.stringify(d)).join('\n')}\n`);
  const report = () => runCli(['report', 'sample-org/sample-repo', '--json', '--to', '2026-09-15T00:00:00Z', '--database', database]);

  it('replays 1,000 deliveries, then reports all 1,000 as duplicates the second time with a byte-identical report', async () => {
    expect(deliveries).toHaveLength(1000);
    expect(JSON.parse(await runCli(['replay', file, '--json', '--database', database]))).toEqual({
      new: 1000,
      duplicate: 0,
      skipped: 0,
      failed: 0,
    });
    const first = await report();
    expect(await runCli(['replay', file, '--database', database])).toBe('new: 0, duplicates: 1000, skipped: 0, failed: 0\n');
    expect(await report()).toBe(first);

    const json = JSON.parse(first);
    expect(json.schema).toBe('fallacy-watch/report@1');
    expect(json.repository).toBe('sample-org/sample-repo');
    expect(json.window).toEqual({
      from: '2026-08-18T00:00:00.000Z',
      to: '2026-09-15T00:00:00.000Z',
      previous_from: '2026-07-21T00:00:00.000Z',
    });
    expect(json.repo.metrics.pr_time_to_merge_hours.n).toBeGreaterThan(0);
    expect(json.repo.metrics.first_time_contributors).toBeGreaterThan(0);
    // Without a checkout the file tree is unknown: owners metrics are null, never a made-up zero.
    expect(json.repo.metrics.owners_file_coverage).toBeNull();
    expect(json.unowned_paths).toBeNull();
    expect(json.areas.map((a: { area: string }) => a.area)).toEqual(['area/api', 'area/docs', 'area/storage']);
    expect(first).not.toMatch(/@[a-z]/);
    // Each finding names the unit of every evidence key (report@1, additive): declared by its rule, never guessed.
    const findings = json.findings as Array<{ rule: string; evidence: Record<string, unknown>; units: Record<string, string> }>;
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(Object.keys(finding.units)).toEqual(Object.keys(finding.evidence));
      for (const unit of Object.values(finding.units)) expect(['hours', 'days', 'share', 'count', 'number', 'line', 'text', 'flag']).toContain(unit);
    }
  });

  it('counts lines that are not deliveries as failed, keeps going, and then exits 1', async () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `not json\n{"id":"x"}\n${JSON.stringify({ ...deliveries[0], id: 'fresh-id' })}\n`);
    await expect(runCli(['replay', broken, '--database', `sqlite:${join(dir, 'other.db')}`])).rejects.toMatchObject({
      exitCode: 1,
      message: 'replay: 2 of 3 deliveries failed (reasons above)',
      stdout: 'new: 1, duplicates: 0, skipped: 0, failed: 2\n',
    });
  });

  it('refuses a window outside the stored data and names the dates the store holds', async () => {
    await expect(runCli(['report', 'sample-org/sample-repo', '--to', '2020-01-01', '--database', database])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/^report: nothing between 2019-12-04 to 2020-01-01; the store holds sample-org\/sample-repo from 2026-08-\d\d to 2026-\d\d-\d\d \(choose --to \/ --from within it\)$/),
    });
  });

  it('prints the weekly digest body with --markdown', async () => {
    const markdown = await runCli(['report', 'sample-org/sample-repo', '--markdown', '--to', '2026-09-15T00:00:00Z', '--database', database]);
    expect(markdown).toMatch(/^# Community health digest — week of 2026-09-14/);
    expect(markdown).toContain('xychart-beta');
  });
});
