import type { BackfillProgress } from './backfill-repository.js';

/**
 * One progress line: `owner/repo  pullRequests  42%  items 250  pages 3  points 15  remaining 4985  ETA 1m 05s`.
 * The ETA extrapolates the time spent so far (`elapsedMs`) over the share done; `remaining` is the installation's
 * last reported rate-limit balance, when known.
 */
export function formatBackfillProgress(progress: BackfillProgress, elapsedMs: number, remaining?: number): string {
  const percent = Math.floor(progress.fraction * 100);
  const eta = progress.fraction >= 1 ? 'done' : progress.fraction <= 0 ? 'ETA ?' : `ETA ${formatDuration((elapsedMs * (1 - progress.fraction)) / progress.fraction)}`;
  return [
    progress.repository,
    progress.connection,
    `${percent}%`,
    `items ${progress.items}`,
    `pages ${progress.pages}`,
    `points ${progress.points}`,
    ...(remaining === undefined ? [] : [`remaining ${remaining}`]),
    eta,
  ].join('  ');
}

/** `3h 02m`, `4m 09s`, `12s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
