import { randomUUID } from 'node:crypto';
import { DEFAULT_SEMAPHORE_LIMITS, type InstallationSemaphore, type SemaphoreLimits } from './installation-semaphore.js';

/** The semaphore of the embedded mode: one process, so counting in memory is enough (leases never expire). */
export function createMemorySemaphore(limits: Partial<SemaphoreLimits> = {}): InstallationSemaphore {
  const { perInstallation } = { ...DEFAULT_SEMAPHORE_LIMITS, ...limits };
  const held = new Map<string, Set<string>>();
  return {
    async tryAcquire(key) {
      const tokens = held.get(key) ?? new Set<string>();
      if (tokens.size >= perInstallation) return null;
      const token = randomUUID();
      tokens.add(token);
      held.set(key, tokens);
      return token;
    },
    async renew(key, token) {
      return held.get(key)?.has(token) ?? false;
    },
    async release(key, token) {
      const tokens = held.get(key);
      tokens?.delete(token);
      if (tokens?.size === 0) held.delete(key);
    },
  };
}
