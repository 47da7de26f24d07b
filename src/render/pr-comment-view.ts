import type { RepositoryFigures } from '../metrics/repository-figures.js';
import type { AreaMetrics, Finding } from '../rules/types.js';

/** What the sticky PR comment may tell a pull request's author. */
export interface PrCommentView {
  /** `owner/name` */
  repository: string;
  /** The author's first pull request in the repository: the comment welcomes them with honest expectations. */
  firstContribution: boolean;
  /** The areas the pull request touches (their review latency sets the expectation). */
  areas: AreaMetrics[];
  /** The repository's figures: the expectation when the areas have no data. */
  repo: RepositoryFigures;
  /** Set when, taking each human reviewer's latest review, one approves and another requests changes. */
  contestedReview: { approvedBy: string[]; changesRequestedBy: string[] } | null;
  /**
   * Fewest first reviews a median needs before the welcome quotes it (`feedback-loops-are-tight`'s `minSamples`);
   * default 5. Below it the comment says there is too little history to promise a time.
   */
  minSamples?: number;
  /** Supply-chain findings (fallacy 5) the pull request's own changes introduce. */
  supplyChainRisks: Finding[];
}
