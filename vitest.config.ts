import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Pure tests (computations over records, config, markdown, files on disk): they start nothing that outlives them, so
 * their files share a worker's module cache instead of each loading a fresh module graph (~0.6 s a file, 100+ files).
 * Everything else — servers, child processes, PostgreSQL, Redis, nock-backed API clients, timers — runs isolated,
 * one fresh worker per file, so nothing a file leaves running can reach the next.
 */
const SHARED = ['metrics', 'rules', 'render', 'supply-chain', 'areas', 'config', 'core', 'docs', 'ingest'].map((folder) => `test/${folder}/**/*.test.ts`);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes, not threads: a test changes the working directory (process.chdir), which threads cannot.
    pool: 'forks',
    // At least 2 workers: vitest's default (cores − 1) is 1 on a 2-core machine, and the PostgreSQL, Redis and
    // child-process tests spend much of their time waiting. Files use their own schemas, prefixes and ports.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'pure', include: SHARED, isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: SHARED, isolate: true } },
    ],
  },
});
