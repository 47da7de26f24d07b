import pino from 'pino';
import { runUntilSignal } from '../../ops/run-until-signal.js';
import { runWorkerProcess } from '../../queue/run-worker-process.js';
import { readCliProductionSettings } from '../read-cli-production-settings.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch worker`: a worker process of the scaled-out mode (needs `REDIS_URL`, and `DATABASE_URL` on
 * PostgreSQL): processes queued deliveries, backfills and digests until SIGTERM, then shuts down gracefully.
 * Settings come from the environment (see `deploy/`); JSON logs on stdout.
 */
export const registerWorkerCommand: RegisterCommand = (program) => {
  program
    .command('worker')
    .description('run queue workers (deliveries, backfills, digests) for the scaled-out mode; needs REDIS_URL')
    .option('--handlers <module>', 'module exporting createWorkerHandlers (default: $WORKER_HANDLERS_MODULE, else the app\'s)')
    .action(async (options: { handlers?: string }) => {
      const settings = readCliProductionSettings('worker', process.env);
      const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { process: 'worker' } });
      const handlersModule = options.handlers ?? process.env.WORKER_HANDLERS_MODULE;
      const worker = await runWorkerProcess(settings, log, handlersModule ? { handlersModule } : {});
      runUntilSignal(worker, log);
    });
};
