import { describe, expect, it } from 'vitest';
import { fallacyWatchConfigSchema } from '../../src/config/config-schema.js';
import { renderDigest } from '../../src/render/render-digest.js';
import { buildReport } from '../../src/report/build-report.js';
import { aComment, anActivity, anIssue, aPullRequest, aMilestone, WINDOW_TO } from '../metrics/builders.js';

const TO = new Date(WINDOW_TO);
const ago = (hours: number) => new Date(WINDOW_TO - hours * 3_600_000).toISOString();

/** 12 PRs waiting 73 h and more (numbers 101–112), 3 answered (201–203), 2 too young (301–302); 2 overdue milestones. */
const activity = anActivity({
  pullRequests: [
    ...Array.from({ length: 12 }, (_, i) => aPullRequest({ number: 101 + i, author: `author${i}`, createdAt: ago(73 + i * 10) })),
    ...Array.from({ length: 3 }, (_, i) => aPullRequest({ number: 201 + i, author: `other${i}`, createdAt: ago(200) })),
    ...Array.from({ length: 2 }, (_, i) => aPullRequest({ number: 301 + i, author: `young${i}`, createdAt: ago(5) })),
  ],
  comments: [201, 202, 203].map((number) => aComment(number, 'maintainer', ago(150))),
  issues: [anIssue({ number: 7, createdAt: ago(500) })],
  milestones: [aMilestone({ number: 3, dueOn: ago(48) }), aMilestone({ number: 4, dueOn: ago(24 * 30) }), aMilestone({ number: 5, dueOn: ago(-48) })],
});

const build = (config: object = {}) =>
  buildReport({ activity, config: fallacyWatchConfigSchema.parse(config), to: TO, areaModel: null, paths: null, supplyChain: null });

describe('the items behind a report’s findings', () => {
  it('lists exactly the open PRs with no response older than the SLA, longest wait first, with links', () => {
    const { report } = build();
    const finding = report.findings.find((f) => f.evidence.metric === 'unanswered_prs')!;
    expect(finding.items!.map((item) => item.number)).toEqual(Array.from({ length: 12 }, (_, i) => 112 - i));
    expect(finding.items![0]).toMatchObject({ kind: 'pull_request', url: 'https://github.com/acme/widgets/pull/112', waiting_hours: 183 });
    expect(JSON.parse(JSON.stringify(report)).findings).toEqual(report.findings);
  });

  it('lists the overdue milestones, oldest due date first', () => {
    const { report } = build({ rules: { 'timelines-are-reliable': { maxOverdueMilestones: 0 } } });
    const finding = report.findings.find((f) => f.rule === 'timelines-are-reliable' && f.evidence.overdue_milestones !== undefined)!;
    expect(finding.items!.map((item) => [item.kind, item.number, item.at_label])).toEqual([
      ['milestone', 4, 'due'],
      ['milestone', 3, 'due'],
    ]);
  });

  it('links them in the digest, capped at 10 with how many more', () => {
    const { report } = build();
    const { body } = renderDigest({ report, weekOf: '2026-11-23', trend: [], previousDigest: null });
    expect(body).toContain('[PR 112](https://redirect.github.com/acme/widgets/pull/112)');
    expect(body).toContain('[PR 103](https://redirect.github.com/acme/widgets/pull/103)');
    expect(body).not.toContain('[PR 102]');
    expect(body).toContain('  - and 2 more');
  });

  it('shows a suppressed finding with its reason, in the JSON and the digest', () => {
    const { report } = build({ suppress: [{ rule: 'feedback-loops-are-tight', reason: 'Triage sprint starts Monday', until: '2026-12-31' }] });
    expect(report.findings.some((f) => f.rule === 'feedback-loops-are-tight')).toBe(false);
    expect(report.suppressed).toEqual([
      expect.objectContaining({ reason: 'Triage sprint starts Monday', until: '2026-12-31', finding: expect.objectContaining({ rule: 'feedback-loops-are-tight' }) }),
    ]);
    const { body } = renderDigest({ report, weekOf: '2026-11-23', trend: [], previousDigest: null });
    expect(body).toContain('<details>\n<summary>Silenced: 1 finding');
    expect(body).toContain('silenced until 2026-12-31, because: Triage sprint starts Monday');
  });

  it('says what was not judged with too few samples, in the JSON and the digest', () => {
    const { report } = build();
    const merge = report.not_judged!.find((entry) => entry.rule === 'feedback-loops-are-tight' && entry.check === 'pr-first-response' && entry.area === null);
    expect(merge).toMatchObject({ reason: 'only 3 of the 5 samples needed', evidence: { n: 3, minimum: 5 } });
    const { body } = renderDigest({ report, weekOf: '2026-11-23', trend: [], previousDigest: null });
    expect(body).toContain('Not judged: only 3 of the 5 samples needed.');
  });
});
