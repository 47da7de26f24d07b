import { type ProductionSettings, readProductionSettings } from '../ops/production-settings.js';
import { CliError } from './cli-error.js';

/**
 * The production settings for `web` / `worker`, or a CliError naming every missing variable in one line (the App's
 * id, its private key, the webhook secret; `worker` also needs `REDIS_URL`) instead of a schema dump.
 */
export function readCliProductionSettings(command: 'web' | 'worker', env: Record<string, string | undefined>): ProductionSettings {
  const has = (key: string) => (env[key] ?? '') !== '';
  const missing = [
    ...(has('APP_ID') ? [] : ['APP_ID']),
    ...(has('PRIVATE_KEY') || has('PRIVATE_KEY_PATH') ? [] : ['PRIVATE_KEY (or PRIVATE_KEY_PATH)']),
    ...(has('WEBHOOK_SECRET') ? [] : ['WEBHOOK_SECRET']),
    ...(command === 'worker' && !has('REDIS_URL') ? ['REDIS_URL'] : []),
  ];
  if (missing.length > 0) {
    throw new CliError(`${command}: missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (the App's credentials: see docs/deployment.md; npm start registers an App and writes them to .env)`);
  }
  try {
    return readProductionSettings(env);
  } catch (error) {
    throw new CliError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
