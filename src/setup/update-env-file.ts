import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Merges `values` into the dotenv file at `path` (created when missing; other keys are kept) and returns the merged
 * map. Values are double-quoted with newlines escaped, so a PEM private key survives `process.loadEnvFile` and Probot.
 */
export function updateEnvFile(path: string, values: Record<string, string>): Record<string, string> {
  const current = existsSync(path) ? (parseEnv(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  const merged = { ...current, ...values };
  const text = Object.entries(merged)
    .map(([key, value]) => `${key}="${value.replace(/\r?\n/g, '\\n')}"`)
    .join('\n');
  writeFileSync(path, `${text}\n`, { mode: 0o600 });
  return merged;
}
