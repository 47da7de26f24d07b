import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { CreateWorkerHandlers, WorkerHandlerDependencies, WorkerHandlers } from './worker-handlers-contract.js';

export type { CreateWorkerHandlers, WorkerHandlerDependencies, WorkerHandlers } from './worker-handlers-contract.js';

/**
 * Loads `createWorkerHandlers` from a module (`--handlers`, `WORKER_HANDLERS_MODULE`), else the app's own
 * (`handlers/create-worker-handlers.js`: check run, PR comment, refresh command, weekly digest).
 */
export async function loadWorkerHandlers(modulePath: string | undefined, dependencies: WorkerHandlerDependencies): Promise<WorkerHandlers> {
  const module = (modulePath ? await import(pathToFileURL(resolve(modulePath)).href) : await import('../handlers/create-worker-handlers.js')) as Record<string, unknown>;
  const create = module.createWorkerHandlers;
  if (typeof create !== 'function') throw new Error(`${modulePath ?? 'handlers/create-worker-handlers.js'} does not export createWorkerHandlers`);
  return (create as CreateWorkerHandlers)(dependencies);
}
