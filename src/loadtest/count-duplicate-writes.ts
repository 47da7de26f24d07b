import { CHECK_RUN_NAME } from '../render/render-check-run.js';
import { hasMarker } from '../render/hidden-marker.js';
import { readDigestMarker } from '../render/render-digest.js';
import type { SimulatorState } from '../simulator/simulator-state.js';

/**
 * Writes the app made more than once, as the simulator holds them: "Community health" check runs beyond one per
 * repository and head commit, sticky (marked) comments beyond one per pull request, digest issues beyond one per
 * repository and week. 0 when every reaction took effect exactly once, however often it ran.
 */
export function countDuplicateWrites(state: Pick<SimulatorState, 'checkRuns' | 'comments' | 'issues'>): number {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const run of state.checkRuns) if (run.name === CHECK_RUN_NAME) count(`run ${run.repository} ${run.head_sha}`);
  for (const comment of state.comments) if (hasMarker(comment.body)) count(`comment ${comment.repository}#${comment.issue_number}`);
  for (const issue of state.issues) {
    const marker = readDigestMarker(issue.body);
    if (marker) count(`digest ${issue.repository} ${marker.repository} ${marker.weekOf}`);
  }
  let duplicated = 0;
  for (const n of counts.values()) duplicated += n - 1;
  return duplicated;
}
