import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The store contract suite opens PostgreSQL; files run in parallel workers but each uses its own schema.
    pool: 'forks',
  },
});
