import { describe, expectTypeOf, it } from 'vitest';
import type { HandlerStore } from '../../src/handlers/handler-dependencies.js';
import type { onAnyDelivery } from '../../src/handlers/on-any-delivery.js';
import type { onPullRequestCheck, PullRequestReader } from '../../src/handlers/on-pull-request-check.js';
import type { onPush } from '../../src/handlers/on-push.js';
import type { onRefreshCommand } from '../../src/handlers/on-refresh-command.js';
import type { routeDelivery } from '../../src/handlers/publish-from-delivery.js';
import type { InstallationBackfillTrigger } from '../../src/handlers/start-installation-backfill.js';
import type { Store } from '../../src/store/store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StoreOf<Handler extends (deps: any, ...rest: any[]) => unknown> = Parameters<Handler>[0]['store'];

// Checked by the type checker (`npx tsc`, which covers the tests): a handler that starts taking the whole Store, or a
// store method it does not use, fails here.
describe('handlers take narrow ports', () => {
  it('each handler names the store methods it uses, and only those', () => {
    type CheckRun = 'loadActivityItemKeys' | 'loadActivity' | 'saveAuthorFirstPullRequests' | 'savePullRequestFiles';
    expectTypeOf<keyof StoreOf<typeof onPullRequestCheck>>().toEqualTypeOf<CheckRun | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof StoreOf<typeof onRefreshCommand>>().toEqualTypeOf<CheckRun | 'findRepositories' | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof StoreOf<typeof routeDelivery>>().toEqualTypeOf<CheckRun | 'findRepositories' | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof Parameters<typeof onAnyDelivery>[0]>().toEqualTypeOf<
      'recordDelivery' | 'finishDelivery' | 'applyBatch' | 'purgeInstallation' | 'purgeRepositories' | 'restoreRepositories'
    >();
    expectTypeOf<keyof InstallationBackfillTrigger['store']>().toEqualTypeOf<
      'applyBatch' | 'savePullRequestFiles' | 'loadPullRequestFileHeads' | 'getBackfillCheckpoint' | 'saveBackfillCheckpoint'
    >();
    expectTypeOf<keyof Parameters<typeof onPush>[0]>().toEqualTypeOf<'areas'>();
    // The wiring holds every method a handler or the digest scheduler uses, still not the whole Store.
    expectTypeOf<Exclude<keyof Store, keyof HandlerStore>>().not.toBeNever();
  });

  it('reading a pull request takes only pulls.get of GitHub', () => {
    expectTypeOf<keyof PullRequestReader['rest']>().toEqualTypeOf<'pulls'>();
    expectTypeOf<keyof PullRequestReader['rest']['pulls']>().toEqualTypeOf<'get'>();
  });
});
