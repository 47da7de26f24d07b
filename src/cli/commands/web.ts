import pino from 'pino';
import { runUntilSignal } from '../../ops/run-until-signal.js';
import { runWebProcess } from '../../ops/run-web-process.js';
import { readCliProductionSettings } from '../read-cli-production-settings.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch web`: the production webhook server (fast acknowledgement, 413 over 25 MB, `/healthz`, `/readyz`,
 * `/metrics`, missed-deliveries recovery). With `REDIS_URL` it queues deliveries for `fallacy-watch worker`;
 * without, it processes them in-process. Runs until SIGTERM, then shuts down gracefully.
 */
export const registerWebCommand: RegisterCommand = (program) => {
  program
    .command('web')
    .description('run the webhook server (queues deliveries on Redis when REDIS_URL is set, else processes them in-process)')
    .option('--handlers <module>', 'embedded mode: module exporting createWorkerHandlers (default: $WORKER_HANDLERS_MODULE, else the app\'s)')
    .action(async (options: { handlers?: string }) => {
      const settings = readCliProductionSettings('web', process.env);
      const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { process: 'web' } });
      const handlersModule = options.handlers ?? process.env.WORKER_HANDLERS_MODULE;
      const web = await runWebProcess(settings, log, handlersModule ? { handlersModule } : {});
      runUntilSignal(web, log);
    });
};
