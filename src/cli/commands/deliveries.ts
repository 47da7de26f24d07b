import type { StoredDelivery } from '../../store/store.js';
import { CliError } from '../cli-error.js';
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch deliveries dead` lists the dead letters: deliveries that used every attempt (`dead`) or whose payload
 * could never be read (`failed`), with their attempts and reason. `fallacy-watch deliveries retry <id…>` makes them
 * pending again with their attempts reset: the web process's pending sweep queues them (queue mode), or the next
 * start does (embedded mode).
 */
export const registerDeliveriesCommand: RegisterCommand = (program) => {
  const deliveries = program.command('deliveries').description('dead-lettered webhook deliveries: list them, retry them');
  deliveries
    .command('dead')
    .description('list deliveries that used every attempt (dead) or could never be read (failed), with the reason')
    .option(...DATABASE_OPTION)
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print them as JSON')
    .action(async (options: { database?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new CliError(`deliveries dead: --limit must be a positive integer (got "${options.limit}")`);
      const dead = await withCliStore(options.database, { readOnly: true }, (store) => store.listDeadDeliveries(limit));
      if (options.json) console.log(JSON.stringify(dead.map(describeDead)));
      else if (dead.length === 0) console.log('no dead deliveries');
      else for (const delivery of dead) console.log(formatDead(delivery));
    });
  deliveries
    .command('retry')
    .description('make dead or failed deliveries pending again (attempts reset) so the queue processes them')
    .argument('<ids...>', 'X-GitHub-Delivery ids, as `deliveries dead` lists them')
    .option(...DATABASE_OPTION)
    .action(async (ids: string[], options: { database?: string }) => {
      const refused = await withCliStore(options.database, {}, async (store) => {
        const notRetried: string[] = [];
        for (const id of ids) if (!(await store.retryDelivery(id))) notRetried.push(id);
        return notRetried;
      });
      for (const id of ids) if (!refused.includes(id)) console.log(`${id}: pending again`);
      if (refused.length > 0) {
        console.error(`not dead or failed (or its payload was purged): ${refused.join(', ')}`);
        process.exitCode = 1;
      }
    });
};

function describeDead(delivery: StoredDelivery) {
  return { id: delivery.id, event: delivery.name, status: delivery.status, attempts: delivery.attempts, receivedAt: delivery.receivedAt, reason: delivery.error };
}

function formatDead(delivery: StoredDelivery): string {
  return `${delivery.id}\t${delivery.name}\t${delivery.status}\tattempts ${delivery.attempts}\t${delivery.receivedAt}\t${delivery.error ?? ''}`;
}
