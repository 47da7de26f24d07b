import type { AreaModel } from '../areas/area-model.js';
import type { PullRequestFilesRecord, PullRequestRecord } from '../core/records.js';
import { isBot } from '../core/is-bot.js';
import { filesByPullRequest } from './group-by-pull-request.js';
import { parseTimestamp } from './parse-timestamp.js';

export interface ChangedFilesCoverageInput {
  model: Pick<AreaModel, 'areasOf' | 'ownersOf'>;
  pullRequests: readonly PullRequestRecord[];
  pullRequestFiles: readonly PullRequestFilesRecord[];
  window: { from: Date; to: Date };
  /** Restrict to files of one area; omit for the repository. */
  area?: string;
  /** Logins treated as bots. */
  ignoreUsers?: readonly string[];
}

/**
 * `changed_files_coverage`: the share (0–1) of distinct files changed by PRs created in `[from, to)` that have an
 * owner under the current area definitions. PRs by bots do not count. `null` when no such PR has its files recorded
 * (the store lacks the data) or none of their files is in the area.
 */
export function computeChangedFilesCoverage(input: ChangedFilesCoverageInput): number | null {
  const { model, area } = input;
  const fromMs = input.window.from.getTime();
  const toMs = input.window.to.getTime();
  const ignore = new Set((input.ignoreUsers ?? []).map((login) => login.toLowerCase()));
  const filesByPr = filesByPullRequest(input.pullRequestFiles);

  const changed = new Set<string>();
  for (const pr of input.pullRequests) {
    const created = parseTimestamp(pr.createdAt);
    if (created < fromMs || created >= toMs || isBot(pr.author, pr.authorType, ignore)) continue;
    for (const path of filesByPr.get(pr.number) ?? []) {
      if (area === undefined || model.areasOf(path).includes(area)) changed.add(path);
    }
  }
  if (changed.size === 0) return null;
  let owned = 0;
  for (const path of changed) if (model.ownersOf(path).length > 0) owned += 1;
  return owned / changed.size;
}
