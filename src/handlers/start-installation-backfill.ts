import { z } from 'zod';
import { systemClock } from '../backfill/backfill-clock.js';
import { onInstallationBackfill } from '../backfill/on-installation-backfill.js';
import { createRateLimitGovernor, type RateLimitGovernor } from '../backfill/rate-limit-governor.js';
import { createDefaultConfig } from '../config/config-schema.js';
import type { GitHubClient } from '../github/client.js';
import type { BackfillStore } from '../backfill/backfill-store.js';

const installationEventSchema = z.looseObject({
  action: z.string(),
  installation: z.looseObject({ id: z.number() }),
  repositories: z.array(z.looseObject({ full_name: z.string() })).optional(),
  repositories_added: z.array(z.looseObject({ full_name: z.string() })).optional(),
});

export interface InstallationBackfillTrigger {
  store: BackfillStore;
  governor: RateLimitGovernor;
  /** Days of history to import (the config's `backfillDays` default; the installation has no repository config yet). */
  backfillDays: number;
  now: () => Date;
}

/**
 * The settings an in-process backfill trigger runs with: its own rate-limit governor on the system clock, and the
 * config's default `backfillDays` (an installation has no repository config yet).
 */
export function createBackfillSettings(): Pick<InstallationBackfillTrigger, 'governor' | 'backfillDays'> {
  return { governor: createRateLimitGovernor({ clock: systemClock }), backfillDays: createDefaultConfig().backfillDays };
}

/**
 * On `installation.created` and `installation_repositories.added`, starts the history backfill of the new
 * repositories in the background (a webhook must be answered within 10 seconds; a backfill takes minutes) and returns
 * its promise, which never rejects: failures are logged per repository. Returns `null` for any other delivery.
 */
/** The repositories an installation delivery asks to import: `installation.created` and `installation_repositories.added`. */
export function listRepositoriesToBackfill(
  name: string,
  payload: unknown,
): { installationId: number; repositories: string[] } | null {
  const action = (payload as { action?: string } | null)?.action;
  const created = name === 'installation' && action === 'created';
  const added = name === 'installation_repositories' && action === 'added';
  if (!created && !added) return null;
  const event = installationEventSchema.safeParse(payload);
  if (!event.success) return null;
  const repositories = ((created ? event.data.repositories : event.data.repositories_added) ?? []).map((repo) => repo.full_name);
  return repositories.length === 0 ? null : { installationId: event.data.installation.id, repositories };
}

export function startInstallationBackfill(
  trigger: InstallationBackfillTrigger,
  context: { name: string; payload: unknown; octokit: GitHubClient; log: { info(o: object, m: string): void; error(o: object, m: string): void } },
): Promise<unknown> | null {
  const wanted = listRepositoriesToBackfill(context.name, context.payload);
  if (!wanted) return null;
  return onInstallationBackfill({
    store: trigger.store,
    octokit: context.octokit,
    installationId: wanted.installationId,
    repositories: wanted.repositories.map((fullName) => ({ fullName })),
    backfillDays: trigger.backfillDays,
    governor: trigger.governor,
    now: trigger.now(),
    log: context.log,
  }).catch((error: unknown) => {
    context.log.error({ err: error instanceof Error ? error.message : String(error) }, 'installation backfill failed');
  });
}
