/** Plain-text number formatting for finding titles (evidence keeps the raw numbers). */

/** `5.5 h` below two days, `3.2 days` from two days on. */
export function formatHours(hours: number): string {
  return hours >= 48 ? `${formatDecimal(hours / 24)} days` : `${formatDecimal(hours)} h`;
}

/** A share as a whole percentage: `0.537` → `54%`. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** At most one decimal, none when whole: `3` → `3`, `3.14` → `3.1`. */
export function formatDecimal(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** `1 PR`, `2 PRs`: a count with its noun, plural with an `s`. */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Where a finding happens: ` in sig/storage`, ` in the repository root` for area `/`, or nothing for the repository. */
export function formatArea(area: string | null): string {
  if (area === null) return '';
  return area === '/' ? ' in the repository root' : ` in ${area}`;
}
