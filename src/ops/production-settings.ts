import { readFileSync } from 'node:fs';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The environment the web and worker processes read (names as in `deploy/`). */
const settingsSchema = z.object({
  APP_ID: z.coerce.number().int().positive(),
  /** PEM, with `\n` escapes allowed; or `PRIVATE_KEY_PATH`. */
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().min(1),
  /** GitHub's REST root; GraphQL is `<root>/graphql`. The simulator's URL in tests. */
  GITHUB_API_URL: z.string().url().default('https://api.github.com'),
  /** Spacing of one installation's write requests (ms); GitHub advises 1 000. */
  GITHUB_WRITE_INTERVAL_MS: z.coerce.number().int().nonnegative().default(1_000),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL only: a schema to create and use. */
  DATABASE_SCHEMA: z.string().optional(),
  /**
   * SQLite: repositories whose rows PR check runs read stay in memory between them (about 86 MB for a 100k-PR
   * repository; a small one takes little); 0 keeps none.
   */
  ACTIVITY_MIRROR_REPOSITORIES: z.coerce.number().int().nonnegative().default(8),
  /** Set: the scaled-out mode (BullMQ). Unset: the embedded mode (one process). */
  REDIS_URL: z.string().optional(),
  QUEUE_PREFIX: z.string().default('fallacy-watch'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().nonnegative().default(3000),
  /** The worker's `/healthz`, `/readyz` and `/metrics` port. */
  METRICS_PORT: z.coerce.number().int().nonnegative().default(9464),
  WEBHOOK_PATH: z.string().default('/api/github/webhooks'),
  /**
   * Jobs of one installation running at once across all workers. 4: with 2 workers of 8 and 4 busy installations, 2
   * left 3 in 4 delivery jobs that needed a slot bouncing through BullMQ's delayed set (2 747 slot waits for 900
   * deliveries in the load test, 183 with 4, 160 with 8), while 4 still leaves a worker half its jobs for the others.
   */
  PER_INSTALLATION_CONCURRENCY: positiveInt(4),
  /** Delivery jobs one worker process runs at once. */
  WORKER_CONCURRENCY: positiveInt(8),
  /** BullMQ job lock (ms): how soon a killed worker's job is taken back. */
  JOB_LOCK_MS: positiveInt(30_000),
  /** Installation slot lease (ms). */
  SLOT_LEASE_MS: positiveInt(30_000),
  /** Missed-deliveries recovery period (ms); 0 turns it off. */
  RECOVERY_INTERVAL_MS: z.coerce.number().int().nonnegative().default(15 * 60_000),
  /** Queue mode: how often pending deliveries no job carries (recorded while Redis was away) are queued again (ms). */
  PENDING_SWEEP_MS: positiveInt(60_000),
  /** Bytes of webhook bodies the web process holds at once; a delivery over it is answered 503 before its body is read. */
  WEBHOOK_BYTES_IN_FLIGHT: positiveInt(48 * 1024 * 1024),
  /** A delivery not durably recorded this long (ms) after its headers arrived is answered 503 (GitHub waits 10 s). */
  ACK_DEADLINE_MS: positiveInt(9_000),
  /** Attempts at processing one delivery (ingest and reactions) before it is dead-lettered. */
  MAX_DELIVERY_ATTEMPTS: positiveInt(8),
  /** Graceful-shutdown grace period (ms). */
  SHUTDOWN_GRACE_MS: positiveInt(25_000),
  /** Cron pattern (UTC) of the digest fan-out, which queues the digests due by each repository's `digest.weekday/hour/timezone`. */
  DIGEST_CRON: z.string().default('0 * * * *'),
});

export type ProductionSettings = Omit<z.infer<typeof settingsSchema>, 'PRIVATE_KEY' | 'PRIVATE_KEY_PATH'> & { PRIVATE_KEY: string };

/** Reads and checks the settings; throws one error naming every missing or invalid variable. */
export function readProductionSettings(env: Record<string, string | undefined>): ProductionSettings {
  const parsed = settingsSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new Error(`invalid settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const { PRIVATE_KEY_PATH, PRIVATE_KEY, ...rest } = parsed.data;
  const key = PRIVATE_KEY ?? (PRIVATE_KEY_PATH ? readFileSync(PRIVATE_KEY_PATH, 'utf8') : undefined);
  if (!key) throw new Error('invalid settings: PRIVATE_KEY or PRIVATE_KEY_PATH is required');
  return { ...rest, PRIVATE_KEY: key.replace(/\\n/g, '\n') };
}
