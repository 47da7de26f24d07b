import { touchesAreaSources } from '../areas/touches-area-sources.js';
import type { AreaContextCache } from '../areas/area-context-cache.js';
import { type HandlerContext, readRepositoryTarget } from './handler-dependencies.js';

/** GitHub lists at most this many commits in a push payload; a longer push may change files the payload omits. */
const PUSH_PAYLOAD_COMMITS = 20;

interface PushPayload {
  ref?: string;
  deleted?: boolean;
  forced?: boolean;
  commits?: Array<{ added?: string[]; removed?: string[]; modified?: string[] }>;
}

/**
 * A push to the default branch that touches an area source (CODEOWNERS, OWNERS, OWNERS_ALIASES,
 * `.github/fallacy-watch.yml`) drops the repository's cached area sources, so the next check run or digest reads
 * them again. A forced push, or one with more commits than the payload lists, drops them too (its changed files
 * are not all known). In queue mode the drop reaches every worker process (`shareAreaContextCache`); when it cannot
 * be told to them, this rejects and the push delivery is retried. Resolves whether the cache was dropped.
 */
export async function onPush(deps: { areas: Pick<AreaContextCache, 'drop'> }, context: Pick<HandlerContext, 'payload'>): Promise<boolean> {
  const payload = context.payload as PushPayload;
  const target = readRepositoryTarget(context.payload);
  if (!target || payload.deleted || payload.ref !== `refs/heads/${target.defaultBranch}`) return false;
  const commits = payload.commits ?? [];
  const changed = commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.removed ?? []), ...(commit.modified ?? [])]);
  if (!payload.forced && commits.length < PUSH_PAYLOAD_COMMITS && !touchesAreaSources(changed)) return false;
  await deps.areas.drop(target.installationId, target.repoId);
  return true;
}
