import { describe, expectTypeOf, it } from 'vitest';
import type { DigestGitHub } from '../../src/application/publish-digest.js';
import type { PublishPullRequestCheckInput } from '../../src/application/publish-pull-request-check.js';
import type { GitHubClient } from '../../src/github/client.js';
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
describe('handlers and use cases take narrow ports', () => {
  it('each handler names the store methods it uses, and only those', () => {
    type CheckRun = 'loadActivityItemKeys' | 'loadActivity' | 'saveAuthorFirstPullRequests' | 'savePullRequestFiles';
    expectTypeOf<keyof StoreOf<typeof onPullRequestCheck>>().toEqualTypeOf<CheckRun | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof StoreOf<typeof onRefreshCommand>>().toEqualTypeOf<CheckRun | 'findRepositories' | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof StoreOf<typeof routeDelivery>>().toEqualTypeOf<CheckRun | 'findRepositories' | 'findOpenPullRequestsByHead'>();
    expectTypeOf<keyof Parameters<typeof onAnyDelivery>[0]>().toEqualTypeOf<
      'recordDelivery' | 'finishDelivery' | 'applyBatch' | 'purgeInstallation' | 'purgeRepositories' | 'restoreRepositories'
    >();
    expectTypeOf<keyof InstallationBackfillTrigger['store']>().toEqualTypeOf<
      'applyBatch' | 'savePullRequestFilesBatch' | 'loadPullRequestFileHeads' | 'getBackfillCheckpoint' | 'saveBackfillCheckpoint'
    >();
    expectTypeOf<keyof Parameters<typeof onPush>[0]>().toEqualTypeOf<'areas'>();
    // The wiring holds every method a handler or the digest scheduler uses, still not the whole Store.
    expectTypeOf<Exclude<keyof Store, keyof HandlerStore>>().not.toBeNever();
  });

  it('publishing a PR check takes of GitHub only the REST methods its adapters call', () => {
    type GitHub = PublishPullRequestCheckInput['octokit'];
    expectTypeOf<keyof GitHub['rest']>().toEqualTypeOf<'git' | 'pulls' | 'repos' | 'search' | 'checks' | 'issues'>();
    expectTypeOf<keyof GitHub['rest']['git']>().toEqualTypeOf<'getRef' | 'getTree' | 'getBlob'>();
    expectTypeOf<keyof GitHub['rest']['pulls']>().toEqualTypeOf<'listFiles'>();
    expectTypeOf<keyof GitHub['rest']['repos']>().toEqualTypeOf<'getContent'>();
    expectTypeOf<keyof GitHub['rest']['checks']>().toEqualTypeOf<'listForRef' | 'listAnnotations' | 'create' | 'update'>();
    expectTypeOf<keyof GitHub['rest']['issues']>().toEqualTypeOf<'listComments' | 'createComment' | 'updateComment' | 'deleteComment'>();
    // Probot's Octokit is such a port.
    expectTypeOf<GitHubClient>().toMatchTypeOf<GitHub>();
  });

  it('publishing a digest takes of GitHub only the REST methods its adapters call', () => {
    expectTypeOf<keyof DigestGitHub['rest']>().toEqualTypeOf<'git' | 'repos' | 'search' | 'issues'>();
    expectTypeOf<keyof DigestGitHub['rest']['repos']>().toEqualTypeOf<'getContent' | 'listReleases'>();
    expectTypeOf<keyof DigestGitHub['rest']['issues']>().toEqualTypeOf<'listForRepo' | 'create' | 'update' | 'getLabel' | 'createLabel'>();
    expectTypeOf<GitHubClient>().toMatchTypeOf<DigestGitHub>();
  });

  it('reading a pull request takes only pulls.get of GitHub', () => {
    expectTypeOf<keyof PullRequestReader['rest']>().toEqualTypeOf<'pulls'>();
    expectTypeOf<keyof PullRequestReader['rest']['pulls']>().toEqualTypeOf<'get'>();
  });
});
