// Entry of the web and worker child processes of the reliability tests: the production code, settings from the
// environment, `READY <port>` on stdout once serving, graceful shutdown on SIGTERM.
import pino from 'pino';
import { readProductionSettings } from '../../../src/ops/production-settings.js';
import { runUntilSignal } from '../../../src/ops/run-until-signal.js';
import { runWebProcess } from '../../../src/ops/run-web-process.js';
import { runWorkerProcess } from '../../../src/queue/run-worker-process.js';

const kind = process.argv[2];
const log = pino({ level: process.env.LOG_LEVEL ?? 'warn', base: { process: kind } }, pino.destination(2));
const settings = readProductionSettings(process.env);
const handlersModule = process.env.WORKER_HANDLERS_MODULE;
const started = kind === 'web' ? await runWebProcess(settings, log, handlersModule ? { handlersModule } : {}) : await runWorkerProcess(settings, log, handlersModule ? { handlersModule } : {});
runUntilSignal(started, log);
process.stdout.write(`READY ${started.port}\n`);
