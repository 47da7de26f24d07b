import type { WeeklyPoint } from './digest-view.js';
import type { BodySection } from './fit-body.js';
import { formatDecimal, formatHours } from './format-figure.js';

/** How many weeks the chart shows. */
export const TREND_WEEKS = 8;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A mermaid `xychart-beta` line chart of the last 8 weeks' median time to first review, with the same figures as
 * a line of text (for readers and clients that do not draw mermaid). Weeks without data are left off the chart
 * (a line cannot show a gap, and a zero would be made up) and named in the text; with fewer than two weeks of
 * data there is no chart, only the text.
 */
export function renderTrendChart(points: readonly WeeklyPoint[], importance: number): BodySection {
  const weeks = points
    .filter((point) => DATE.test(point.weekOf))
    .sort((a, b) => a.weekOf.localeCompare(b.weekOf))
    .slice(-TREND_WEEKS);
  const known = weeks.filter((point): point is { weekOf: string; p50: number } => point.p50 !== null && Number.isFinite(point.p50));
  const heading = `### Median time to first review, last ${TREND_WEEKS} weeks`;
  const section = { label: 'the trend chart', importance };
  if (known.length === 0) return { ...section, head: `${heading}\n\nNo reviews in these weeks yet.` };

  const text = `Each point is the median of the PRs that started that week (the tables cover the whole window). Week by week: ${weeks.map((point) => `${point.weekOf.slice(5)} ${point.p50 === null ? 'no data' : formatHours(point.p50)}`).join(' · ')}.`;
  if (known.length < 2) return { ...section, head: `${heading}\n\n${text}` };

  const inDays = Math.max(...known.map((point) => point.p50)) >= 72;
  const unit = inDays ? 'days' : 'hours';
  const values = known.map((point) => Number((inDays ? point.p50 / 24 : point.p50).toFixed(1)));
  const top = niceCeiling(Math.max(...values) * 1.1);
  const chart = [
    '```mermaid',
    'xychart-beta',
    `    title "Median time to first review (${unit})"`,
    `    x-axis [${known.map((point) => `"${point.weekOf.slice(5)}"`).join(', ')}]`,
    `    y-axis "${unit}" 0 --> ${formatDecimal(top, 1).replace(/,/g, '')}`,
    `    line [${values.join(', ')}]`,
    '```',
  ].join('\n');
  return { ...section, head: `${heading}\n\n${chart}\n\n${text}` };
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis ends on a round number. */
function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= value) ?? 10;
  return step * magnitude;
}
