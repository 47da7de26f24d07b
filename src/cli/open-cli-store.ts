import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';

/** `--database <url>` for commands that read or write the store; defaults to `DATABASE_URL`, then embedded SQLite. */
export const DATABASE_OPTION = ['--database <url>', 'store URL (sqlite:<path> or postgres://…); default $DATABASE_URL, else ./data/fallacy-watch.db'] as const;

/** Opens the store a CLI command names, runs `use`, and always closes it. */
export async function withCliStore<T>(databaseUrl: string | undefined, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseUrl ?? process.env.DATABASE_URL);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
