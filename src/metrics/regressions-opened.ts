import { isWithin } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `regressions_opened`: issues opened in the window with a regression label (`regressionLabels`). */
export function computeRegressionsOpened(context: MetricContext): number {
  const { fromMs, toMs, regressionLabels } = context.options;
  return context.index.issues.filter(
    (issue) =>
      isWithin(issue.createdMs, fromMs, toMs) && countsAsContribution(issue) && hasAnyLabel(issue.record.labels, regressionLabels),
  ).length;
}
