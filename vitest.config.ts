import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes, not threads: a test changes the working directory (process.chdir), which threads cannot.
    pool: 'forks',
    // Test files share their worker's module cache instead of starting a fresh one each (a fresh module graph cost
    // ~0.6 s per file, 177 files). Nothing in src keeps state between calls but pure caches; tests restore what they
    // change (env stubs, spies, nock, the working directory) in their hooks. Every test file still runs its own code.
    isolate: false,
    // At least 2 workers: vitest's default (cores − 1) is 1 on a 2-core machine, and the PostgreSQL, Redis and
    // child-process tests spend much of their time waiting. Files use their own schemas, prefixes and ports.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
