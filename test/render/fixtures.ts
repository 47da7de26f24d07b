/**
 * Builders and one realistic fixture for the renderers: a mid-sized project (`acme/kube-widgets`) with an
 * overloaded storage area, a contested PR in node, two workflow problems and a first-time contributor.
 */
import type { Distribution, MetricSet } from '../../src/metrics/types.js';
import type { CheckRunView } from '../../src/render/check-run-view.js';
import type { DigestView } from '../../src/render/digest-view.js';
import { EMPTY_METRIC_SET } from '../../src/render/empty-metric-set.js';
import type { PrCommentView } from '../../src/render/pr-comment-view.js';
import type { Report } from '../../src/report/types.js';
import type { AreaMetrics, Evidence, EvidenceUnits, Finding } from '../../src/rules/types.js';

/** A latency distribution in hours. */
export function aDistribution(n: number, p50: number | null, p90: number | null = p50): Distribution {
  return { n, p50: n === 0 ? null : p50, p90: n === 0 ? null : p90 };
}

/** A metric set with no data, overridden where given. */
export function aMetricSet(overrides: Partial<MetricSet> = {}): MetricSet {
  return { ...EMPTY_METRIC_SET, ...overrides };
}

/** The units of the fixtures' evidence keys (a real finding's come from its rule's metadata). */
const FIXTURE_UNITS: EvidenceUnits = {
  pr_time_to_first_review_p50_hours: 'hours',
  threshold_hours: 'hours',
  n: 'count',
  minimum: 'count',
  top_reviewer_share: 'share',
  reviewer_absence_factor: 'count',
  active_reviewers: 'count',
  workload_per_active_reviewer: 'number',
  repository_workload_per_active_reviewer: 'number',
  ratio: 'number',
  overdue_milestones: 'count',
  milestone_slip_p50_days: 'days',
  stale_owners: 'text',
  kind: 'text',
  contested_prs: 'count',
  newcomer_first_response_p50_hours: 'hours',
  regular_first_response_p50_hours: 'hours',
  returning_contributor_rate: 'share',
};

/** The declared units of `evidence`'s keys; a key the fixtures do not declare is an error (pass `units`). */
export function fixtureUnits(evidence: Evidence): EvidenceUnits {
  return Object.fromEntries(
    Object.keys(evidence).map((key) => {
      const unit = FIXTURE_UNITS[key];
      if (unit === undefined) throw new Error(`fixture evidence key "${key}" has no declared unit`);
      return [key, unit];
    }),
  );
}

/** A warning about the feedback loop of `sig/storage`, overridden where given (`units` follow `evidence`). */
export function aFinding(overrides: Partial<Finding> = {}): Finding {
  const evidence = overrides.evidence ?? { pr_time_to_first_review_p50_hours: 101, threshold_hours: 72, n: 14 };
  return {
    rule: 'feedback-loops-are-tight',
    fallacy: 2,
    area: 'sig/storage',
    severity: 'warning',
    title: 'PRs in sig/storage wait 4.2 days for a first review',
    evidence,
    units: overrides.units ?? fixtureUnits(evidence),
    advice: 'Prefer communicating asynchronously: agree on a review rotation in writing and state expected response times in CONTRIBUTING.md.',
    ...overrides,
  };
}

/** An area with the given metrics, overridden where given. */
export function anArea(overrides: Partial<AreaMetrics> = {}): AreaMetrics {
  return { area: 'sig/storage', source: 'owners', owners: ['alice'], metrics: aMetricSet(), previous: aMetricSet(), ...overrides };
}

/** A report with nothing in it, overridden where given. */
export function aReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: 'fallacy-watch/report@1',
    repository: 'acme/kube-widgets',
    generated_at: '2026-11-22T00:00:00Z',
    window: { from: '2026-10-25T00:00:00Z', to: '2026-11-22T00:00:00Z', previous_from: '2026-09-27T00:00:00Z' },
    repo: { metrics: aMetricSet(), previous: aMetricSet() },
    areas: [],
    reviewers: [],
    unowned_paths: null,
    findings: [],
    ...overrides,
  };
}

const repoMetrics = aMetricSet({
  pr_time_to_first_response_hours: aDistribution(61, 9.5, 52),
  pr_time_to_first_review_hours: aDistribution(58, 20, 96),
  pr_time_to_merge_hours: aDistribution(44, 70, 310),
  issue_time_to_first_response_hours: aDistribution(37, 14, 120),
  unanswered_prs: 6,
  unanswered_issues: 11,
  prs_started: 64,
  prs_merged: 44,
  open_review_requests: 23,
  active_reviewers: 9,
  workload_per_active_reviewer: 2.1,
  top_reviewer_share: 0.34,
  first_time_contributors: 7,
  newcomer_pr_time_to_first_response_hours: aDistribution(7, 26, 140),
  contested_prs: 2,
});

const repoPrevious = aMetricSet({
  pr_time_to_first_response_hours: aDistribution(55, 8, 40),
  pr_time_to_first_review_hours: aDistribution(50, 16, 80),
  pr_time_to_merge_hours: aDistribution(41, 72, 290),
  issue_time_to_first_response_hours: aDistribution(30, 20, 130),
  unanswered_prs: 4,
  unanswered_issues: 11,
  prs_started: 58,
  prs_merged: 41,
  open_review_requests: 19,
  active_reviewers: 10,
  workload_per_active_reviewer: 1.8,
  top_reviewer_share: 0.33,
  first_time_contributors: 5,
  newcomer_pr_time_to_first_response_hours: aDistribution(5, 30, 100),
  contested_prs: 1,
});

/** The realistic fixture report: three areas, six reviewers, nine findings over all eight fallacies but one. */
export const realisticReport: Report = aReport({
  repo: { metrics: repoMetrics, previous: repoPrevious },
  areas: [
    anArea({
      area: 'sig/storage',
      owners: ['alice', 'bob', 'acme/storage-approvers', 'olduser1'],
      metrics: aMetricSet({
        pr_time_to_first_response_hours: aDistribution(14, 30, 120),
        pr_time_to_first_review_hours: aDistribution(14, 101, 190),
        pr_time_to_merge_hours: aDistribution(9, 260, 600),
        unanswered_prs: 4,
        prs_started: 14,
        prs_merged: 9,
        open_review_requests: 12,
        active_reviewers: 2,
        workload_per_active_reviewer: 6.5,
        top_reviewer_share: 0.71,
        reviewer_absence_factor: 1,
        first_time_contributors: 2,
      }),
      previous: aMetricSet({
        pr_time_to_first_response_hours: aDistribution(12, 26, 100),
        pr_time_to_first_review_hours: aDistribution(12, 70, 150),
        pr_time_to_merge_hours: aDistribution(10, 240, 500),
        unanswered_prs: 2,
        prs_started: 12,
        prs_merged: 10,
        open_review_requests: 9,
        active_reviewers: 3,
        workload_per_active_reviewer: 4,
        top_reviewer_share: 0.6,
        reviewer_absence_factor: 1,
        first_time_contributors: 1,
      }),
    }),
    anArea({
      area: 'sig/node',
      owners: ['carol', 'dave'],
      metrics: aMetricSet({
        pr_time_to_first_response_hours: aDistribution(22, 6, 30),
        pr_time_to_first_review_hours: aDistribution(21, 12, 40),
        pr_time_to_merge_hours: aDistribution(18, 50, 200),
        unanswered_prs: 1,
        prs_started: 22,
        prs_merged: 18,
        open_review_requests: 7,
        active_reviewers: 4,
        workload_per_active_reviewer: 1.6,
        top_reviewer_share: 0.38,
        contested_prs: 2,
      }),
      previous: aMetricSet({
        pr_time_to_first_response_hours: aDistribution(20, 6.2, 28),
        pr_time_to_first_review_hours: aDistribution(19, 15, 44),
        pr_time_to_merge_hours: aDistribution(16, 60, 220),
        unanswered_prs: 1,
        prs_started: 20,
        prs_merged: 16,
        open_review_requests: 8,
        active_reviewers: 4,
        workload_per_active_reviewer: 1.7,
        top_reviewer_share: 0.4,
        contested_prs: 0,
      }),
    }),
    anArea({
      area: 'docs',
      source: 'codeowners',
      owners: ['@erin', '@frank'],
      metrics: aMetricSet({
        pr_time_to_first_response_hours: aDistribution(18, 3, 20),
        pr_time_to_first_review_hours: aDistribution(18, 5, 26),
        pr_time_to_merge_hours: aDistribution(15, 20, 90),
        unanswered_prs: 0,
        prs_started: 18,
        prs_merged: 15,
        open_review_requests: 4,
        active_reviewers: 3,
        workload_per_active_reviewer: 0.8,
        first_time_contributors: 4,
      }),
      previous: aMetricSet(),
    }),
  ],
  reviewers: [
    { login: 'alice', open_review_requests: 9, reviews_90d: 88 },
    { login: 'bob', open_review_requests: 3, reviews_90d: 21 },
    { login: 'carol', open_review_requests: 4, reviews_90d: 40 },
    { login: 'dave', open_review_requests: 2, reviews_90d: 35 },
    { login: 'erin', open_review_requests: 1, reviews_90d: 30 },
    { login: 'frank', open_review_requests: 0, reviews_90d: 0 },
  ],
  findings: [
    aFinding(),
    aFinding({
      rule: 'maintainer-bandwidth-is-infinite',
      fallacy: 3,
      title: 'One reviewer holds 71% of the reviews in sig/storage',
      evidence: { top_reviewer_share: 0.71, reviewer_absence_factor: 1, active_reviewers: 2 },
      advice: 'Be extra empathetic and help maintainers help you: spread reviews by adding a second approver to OWNERS.',
    }),
    aFinding({
      rule: 'staffing-is-homogeneous',
      fallacy: 8,
      severity: 'error',
      title: 'sig/storage has 3.1 times the repository workload per active reviewer',
      evidence: { workload_per_active_reviewer: 6.5, repository_workload_per_active_reviewer: 2.1, ratio: 3.1 },
      advice: 'Critical areas are the ones that are often understaffed: grow reviewers in sig/storage before adding scope.',
    }),
    aFinding({
      rule: 'timelines-are-reliable',
      fallacy: 1,
      area: null,
      title: 'Milestone v1.30 is 12 days past its due date',
      evidence: { overdue_milestones: 1, milestone_slip_p50_days: 9.5 },
      advice: 'Timelines are optimistic: plan releases with the slip you measure, not the one you hope for.',
    }),
    aFinding({
      rule: 'commitments-dont-change',
      fallacy: 4,
      area: null,
      severity: 'info',
      title: 'Two OWNERS entries had no activity for a year',
      evidence: { stale_owners: ['olduser1', 'olduser2'] },
      items: [
        { kind: 'user', login: 'olduser2', url: 'https://github.com/olduser2' },
        { kind: 'user', login: 'olduser1', url: 'https://github.com/olduser1', at: '2025-09-02T10:00:00.000Z', at_label: 'last active' },
      ],
      advice: 'Move inactive owners to emeritus_approvers so the OWNERS files say who really reviews.',
    }),
    aFinding({
      rule: 'supply-chain-is-secure',
      fallacy: 5,
      area: null,
      severity: 'error',
      title: 'pull_request_target workflow checks out the pull request head',
      evidence: { kind: 'dangerous-trigger' },
      advice: 'Make your software supply chain secure: pin actions to a commit SHA and never run untrusted code with a write token.',
      location: { path: '.github/workflows/pr-label.yml', startLine: 3, endLine: 3 },
    }),
    aFinding({
      rule: 'supply-chain-is-secure',
      fallacy: 5,
      area: null,
      title: 'actions/checkout@v4 is not pinned to a commit SHA',
      evidence: { kind: 'unpinned-action' },
      advice: 'Make your software supply chain secure: pin actions to a commit SHA and never run untrusted code with a write token.',
      location: { path: '.github/workflows/release.yml', startLine: 23, endLine: 23 },
    }),
    aFinding({
      rule: 'compromise-is-rare',
      fallacy: 6,
      area: 'sig/node',
      title: '2 open PRs in sig/node have an approval and a change request at once',
      evidence: { contested_prs: 2 },
      items: [
        { kind: 'pull_request', number: 4711, url: 'https://github.com/acme/kube-widgets/pull/4711', title: 'kubelet: retry `podsandbox` creation @someone', at: '2026-10-30T09:00:00.000Z', at_label: 'opened' },
        { kind: 'pull_request', number: 4790, url: 'https://github.com/acme/kube-widgets/pull/4790', title: 'Fix #4711 differently', at: '2026-11-03T09:00:00.000Z', at_label: 'opened' },
      ],
      advice: 'Take into account maintainer incoherencies: ask the reviewers to agree on a direction in writing.',
    }),
    aFinding({
      rule: 'onboarding-is-free',
      fallacy: 7,
      area: null,
      severity: 'info',
      title: 'First-time contributors wait 2.7 times longer for a first response than regulars',
      evidence: { newcomer_first_response_p50_hours: 26, regular_first_response_p50_hours: 9.5, returning_contributor_rate: 0.25 },
      advice: 'With large communities, spend efforts on growing existing folks: pair each newcomer PR with a named shepherd.',
    }),
  ],
});

/** The fixture's check run: first-time contributor zoe-first touches sig/storage and docs and edits release.yml. */
export const realisticCheckRunView: CheckRunView = {
  repository: realisticReport.repository,
  pullRequest: { number: 1234, author: 'zoe-first' },
  repo: realisticReport.repo.metrics,
  areas: realisticReport.areas.filter((area) => area.area !== 'sig/node'),
  findings: realisticReport.findings.filter(
    (finding) =>
      (finding.area !== null && finding.area !== 'sig/node') ||
      (finding.location !== undefined && finding.location.path !== '.github/workflows/pr-label.yml'),
  ),
  notJudged: [
    {
      rule: 'feedback-loops-are-tight',
      fallacy: 2,
      area: 'docs',
      check: 'pr-merge',
      description: 'Median time from a PR start to its merge.',
      reason: 'only 2 of the 5 samples needed',
      evidence: { n: 2, minimum: 5 },
    },
  ],
  own: { firstContribution: true, contestedReview: null },
  digestsUrl: 'https://github.com/kubernetes/kubernetes/issues?q=is%3Aissue%20label%3Acommunity-health%20sort%3Acreated-desc',
  suggestedReviewers: [
    { login: 'erin', openReviewRequests: 1, reviews90d: 30, areas: ['docs'] },
    { login: 'bob', openReviewRequests: 3, reviews90d: 21, areas: ['sig/storage'] },
    { login: 'alice', openReviewRequests: 9, reviews90d: 88, areas: ['sig/storage'] },
  ],
  failOn: [],
  configProblems: [
    { severity: 'warning', message: 'Unknown key "slaHour" (did you mean "slaHours"?); the default 72 is used.', path: '.github/fallacy-watch.yml', line: 4 },
  ],
};

/** The fixture's sticky comment: a first contribution that also adds an unpinned action. */
export const realisticPrCommentView: PrCommentView = {
  repository: realisticReport.repository,
  firstContribution: true,
  areas: realisticReport.areas.filter((area) => area.area === 'sig/storage'),
  repo: realisticReport.repo.metrics,
  contestedReview: { approvedBy: ['bob'], changesRequestedBy: ['alice'] },
  supplyChainRisks: realisticReport.findings.filter((finding) => finding.location?.path === '.github/workflows/release.yml'),
};

/** The fixture's digest: week of 2026-11-16, eight weeks of trend with one quiet week, and the previous digest. */
export const realisticDigestView: DigestView = {
  report: realisticReport,
  weekOf: '2026-11-16',
  trend: [
    { weekOf: '2026-09-28', p50: 14 },
    { weekOf: '2026-10-05', p50: 16.5 },
    { weekOf: '2026-10-12', p50: null },
    { weekOf: '2026-10-19', p50: 15 },
    { weekOf: '2026-10-26', p50: 18 },
    { weekOf: '2026-11-02', p50: 21.5 },
    { weekOf: '2026-11-09', p50: 19 },
    { weekOf: '2026-11-16', p50: 20 },
  ],
  previousDigest: { number: 41, url: 'https://github.com/acme/kube-widgets/issues/41' },
};
