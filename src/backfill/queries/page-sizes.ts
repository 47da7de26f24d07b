/**
 * Page sizes of the backfill's connections. By GitHub's cost formula a nested connection costs one request per
 * parent whatever its size (`first: 10` and `first: 100` under 100 PRs both cost 100 requests = 1 point), so nested
 * connections take GitHub's maximum of 100 and follow-up pages are needed only for PRs and issues with more than
 * 100 timeline items or files. Labels and assignees take less to keep answers small (a page of 100 PRs holds at most
 * 100 × (100 + 100 + 30) ≈ 23,000 nodes, far under GitHub's 500,000-node limit).
 */
export const PAGE_SIZES = {
  items: 100,
  /** Milestones carry four counts (nested connections): 25 a page keeps a page at 1 + 4 × 25 = 101 requests → 1 point. */
  milestones: 25,
  timeline: 100,
  files: 100,
  labels: 30,
  assignees: 10,
  assets: 30,
  /** Follow-up pages of a nested connection. */
  followUp: 100,
} as const;
