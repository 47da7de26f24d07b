import { describe, expect, it } from 'vitest';
import { countDuplicateWrites } from '../../src/loadtest/count-duplicate-writes.js';
import { CHECK_RUN_NAME } from '../../src/render/render-check-run.js';
import { PR_COMMENT_MARKER } from '../../src/render/hidden-marker.js';
import { computePercentile, summarizeLoadRun } from '../../src/loadtest/summarize-load-run.js';

describe('load run figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(computePercentile(values, 0.5)).toBe(50);
    expect(computePercentile(values, 0.99)).toBe(99);
    expect(computePercentile([], 0.5)).toBe(0);
  });

  it('counts lost deliveries (acknowledged, never finished) and derives throughput and lag', () => {
    const summary = summarizeLoadRun(
      [
        { id: 'a', sentAt: 0, ackMs: 5, status: 200, finishedAt: 500 },
        { id: 'b', sentAt: 500, ackMs: 15, status: 200, finishedAt: 2_000 },
        { id: 'c', sentAt: 1_000, ackMs: 10, status: 200 },
        { id: 'd', sentAt: 1_000, ackMs: 9_000, status: 0 },
      ],
      0,
    );
    expect(summary).toMatchObject({ sent: 4, acknowledged: 3, ackP50Ms: 10, lost: 1, lagP50Ms: 500, lagP99Ms: 1_500, throughputPerSecond: 1 });
  });

  it("counts a second check run on a head commit and a second sticky comment on a pull request (the app's writes) as duplicates", () => {
    const run = (id: number, sha: string) => ({ id, repository: 'o/r', name: CHECK_RUN_NAME, head_sha: sha, status: 'completed', conclusion: 'neutral', external_id: null, output: null, app: { id: 1, slug: 'fallacy-watch' }, annotations: [] });
    const comment = (id: number, issue: number) => ({ id, repository: 'o/r', issue_number: issue, body: `${PR_COMMENT_MARKER}\nx`, edits: 0 });
    expect(countDuplicateWrites({ checkRuns: [run(1, 's1'), run(2, 's2')], comments: [comment(3, 1), comment(4, 2)], issues: [] })).toBe(0);
    expect(countDuplicateWrites({ checkRuns: [run(1, 's1'), run(2, 's1')], comments: [comment(3, 1), comment(4, 1)], issues: [] })).toBe(2);
  });
});
