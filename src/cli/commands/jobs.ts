import { Redis } from 'ioredis';
import { createQueues, type Queues } from '../../queue/create-queues.js';
import { type DeadJob, listDeadJobs, retryDeadJob } from '../../queue/dead-jobs.js';
import { DEFAULT_QUEUE_PREFIX } from '../../queue/queue-names.js';
import { CliError } from '../cli-error.js';
import type { RegisterCommand } from './index.js';

const REDIS_OPTION = ['--redis <url>', 'Redis of the scaled-out mode; default $REDIS_URL'] as const;
const PREFIX_OPTION = ['--prefix <prefix>', `queue key prefix; default $QUEUE_PREFIX, else ${DEFAULT_QUEUE_PREFIX}`] as const;

interface QueueOptions {
  redis?: string;
  prefix?: string;
}

/**
 * `fallacy-watch jobs dead` lists the backfill and digest jobs of the scaled-out mode that used every attempt, with
 * their reason; `fallacy-watch jobs retry <id…>` queues them again with their attempts reset. (Dead webhook
 * deliveries live in the store: `fallacy-watch deliveries dead`.)
 */
export const registerJobsCommand: RegisterCommand = (program) => {
  const jobs = program.command('jobs').description('dead-lettered backfill and digest jobs (scaled-out mode, Redis): list them, retry them');
  jobs
    .command('dead')
    .description('list backfill and digest jobs that used every attempt, most recent first, with the reason')
    .option(...REDIS_OPTION)
    .option(...PREFIX_OPTION)
    .option('--limit <n>', 'at most this many of each queue', '100')
    .option('--json', 'print them as JSON')
    .action(async (options: QueueOptions & { limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`jobs dead: --limit must be a positive integer (got "${options.limit}")`);
      const dead = await withQueues(options, (queues) => listDeadJobs(queues, limit));
      if (options.json) console.log(JSON.stringify(dead));
      else if (dead.length === 0) console.log('no dead jobs');
      else for (const job of dead) console.log(formatDeadJob(job));
    });
  jobs
    .command('retry')
    .description('queue dead backfill or digest jobs again, attempts reset')
    .argument('<ids...>', 'job ids, as `jobs dead` lists them')
    .option(...REDIS_OPTION)
    .option(...PREFIX_OPTION)
    .action(async (ids: string[], options: QueueOptions) => {
      const refused = await withQueues(options, async (queues) => {
        const notRetried: string[] = [];
        for (const id of ids) {
          const queue = await retryDeadJob(queues, id);
          if (queue) console.log(`${id}: queued again on ${queue}`);
          else notRetried.push(id);
        }
        return notRetried;
      });
      if (refused.length > 0) {
        console.error(`no dead job with id: ${refused.join(', ')}`);
        process.exitCode = 1;
      }
    });
};

/** Opens the queues on a connection that fails at once (one line) when Redis cannot be reached, and closes them. */
async function withQueues<T>(options: QueueOptions, use: (queues: Queues) => Promise<T>): Promise<T> {
  const url = options.redis ?? process.env.REDIS_URL;
  if (!url) throw new CliError('jobs: pass --redis or set REDIS_URL (the embedded mode has no job queues: it runs backfills and digests in process)');
  if (!/^rediss?:\/\//.test(url)) throw new CliError(`--redis must start with redis:// or rediss:// (got "${url}")`);
  const connection = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  connection.on('error', () => undefined);
  try {
    await connection.connect();
  } catch (error) {
    connection.disconnect();
    throw new CliError(`cannot reach Redis at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const queues = createQueues(connection, options.prefix ?? process.env.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX);
  try {
    return await use(queues);
  } finally {
    await queues.close();
    await connection.quit();
  }
}

function formatDeadJob(job: DeadJob): string {
  return `${job.id}\t${job.queue}\t${job.subject}\tattempts ${job.attempts}\t${job.failedAt ?? '-'}\t${job.reason}`;
}
