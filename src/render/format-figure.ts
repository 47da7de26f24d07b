/** How a figure is shown: durations in hours, plain counts, shares (0–1) as percentages, ratios with decimals. */
export type FigureUnit = 'hours' | 'count' | 'share' | 'ratio' | 'days';

/** The text shown where a metric needs data the store lacks: never a made-up zero. */
export const NO_DATA = '—';

/**
 * A figure as people read it: `45 min`, `18 h`, `3.2 d` for hours (days from 48 h on); `62%` for a share;
 * `1.5` for a ratio; `7` for a count; `NO_DATA` for `null`.
 */
export function formatFigure(value: number | null | undefined, unit: FigureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  switch (unit) {
    case 'hours':
      return formatHours(value);
    case 'days':
      return `${formatDecimal(value, 1)} d`;
    case 'share':
      return `${formatDecimal(value * 100, 0)}%`;
    case 'ratio':
      return formatDecimal(value, 1);
    case 'count':
      return formatDecimal(value, 0);
  }
}

/** A duration in hours: minutes under an hour, hours under two days, days from there on. */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${formatDecimal(hours, hours < 10 ? 1 : 0)} h`;
  return `${formatDecimal(hours / 24, 1)} d`;
}

/** A number with at most `digits` decimals, trailing zeros dropped, thousands grouped (`1,234.5`). */
export function formatDecimal(value: number, digits: number): string {
  let format = FORMATS.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    FORMATS.set(digits, format);
  }
  return format.format(value);
}

/** One formatter per number of decimals: building an `Intl.NumberFormat` costs far more than using one. */
const FORMATS = new Map<number, Intl.NumberFormat>();
