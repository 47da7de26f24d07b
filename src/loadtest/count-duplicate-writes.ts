import type { SimulatorState } from '../simulator/simulator-state.js';
import { LOADTEST_CHECK_NAME, LOADTEST_COMMENT_MARKER } from './loadtest-handlers.js';

/**
 * Writes the app made more than once: check runs beyond one per delivery (`external_id`), and marked comments
 * beyond one per pull request. 0 when every delivery's reactions took effect exactly once.
 */
export function countDuplicateWrites(state: Pick<SimulatorState, 'checkRuns' | 'comments'>): number {
  const runs = new Map<string, number>();
  for (const run of state.checkRuns) if (run.name === LOADTEST_CHECK_NAME && run.external_id) runs.set(run.external_id, (runs.get(run.external_id) ?? 0) + 1);
  const comments = new Map<string, number>();
  for (const comment of state.comments) {
    if (!comment.body.startsWith(LOADTEST_COMMENT_MARKER)) continue;
    const key = `${comment.repository}#${comment.issue_number}`;
    comments.set(key, (comments.get(key) ?? 0) + 1);
  }
  let duplicated = 0;
  for (const count of [...runs.values(), ...comments.values()]) duplicated += count - 1;
  return duplicated;
}
