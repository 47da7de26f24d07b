/**
 * Page sizes of the backfill's connections. By GitHub's cost formula a nested connection costs one request per
 * parent whatever its size (`first: 10` and `first: 100` under 100 PRs both cost 100 requests = 1 point), so a page
 * query nests only the one connection it cannot do without (the timeline, at GitHub's maximum of 100): a page of
 * 100 PRs or issues is 1 + 100 = 101 requests → 1 point. Everything else (files, timelines past 100 items, assets
 * past 30) comes in pooled follow-up queries of up to 100 connection pages each (1 point).
 */
export const PAGE_SIZES = {
  items: 100,
  /** Milestones carry four counts (nested connections): 25 a page keeps a page at 1 + 4 × 25 = 101 requests → 1 point. */
  milestones: 25,
  timeline: 100,
  files: 100,
  assets: 30,
  /** Follow-up pages of a nested connection. */
  followUp: 100,
} as const;
