import type { ApplicationFunction } from 'probot';
import { createApp } from './create-app.js';
import { openStore } from './store/open-store.js';

/**
 * The entry point `probot run ./dist/app.js` loads: opens the store `DATABASE_URL` names (SQLite at
 * `./data/fallacy-watch.db` by default), migrates it, and starts the app.
 */
const app: ApplicationFunction = async (probot, options) => {
  const store = await openStore(process.env.DATABASE_URL);
  probot.log.info({ backend: store.backend }, 'store ready');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void store.close().finally(() => process.exit(0));
    });
  }
  await createApp({ store })(probot, options);
};

export default app;
