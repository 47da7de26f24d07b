import { isWithin, type IssueFacts } from './activity-facts.js';
import { hasAnyLabel } from './has-any-label.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** The issues `regressions_opened` counts: opened in the window with a regression label (`regressionLabels`). */
export function selectRegressionsOpened(context: MetricContext): IssueFacts[] {
  const { fromMs, toMs, regressionLabels } = context.options;
  return context.index.issues.filter(
    (issue) =>
      isWithin(issue.createdMs, fromMs, toMs) && countsAsContribution(issue) && hasAnyLabel(issue.record.labels, regressionLabels),
  );
}

/** `regressions_opened`: how many issues `selectRegressionsOpened` lists. */
export function computeRegressionsOpened(context: MetricContext): number {
  return selectRegressionsOpened(context).length;
}
