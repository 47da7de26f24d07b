import { isWithin } from './activity-facts.js';
import { countsAsContribution, type MetricContext } from './metric-context.js';

/** `issues_opened`: issues created in the window. */
export function computeIssuesOpened(context: MetricContext): number {
  const { fromMs, toMs } = context.options;
  return context.index.issues.filter((issue) => isWithin(issue.createdMs, fromMs, toMs) && countsAsContribution(issue))
    .length;
}
