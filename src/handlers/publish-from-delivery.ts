import type { HandlerContext } from './handler-dependencies.js';
import { CHECK_RUN_CHECK_ACTIONS, CHECK_SUITE_CHECK_ACTIONS, onPullRequestCheck, PULL_REQUEST_CHECK_ACTIONS } from './on-pull-request-check.js';
import { onPush } from './on-push.js';
import { onRefreshCommand, type RefreshHandlerDependencies } from './on-refresh-command.js';

/** What the reactions use: the refresh handler's dependencies (a superset of the check run's) and the area cache. */
export type ReactionDependencies = RefreshHandlerDependencies;

/**
 * Runs the publishing handler of a delivery whose records are already in the store: the check run and sticky
 * comment on `pull_request`, `check_suite` and `check_run` (re-run), a refresh on `issue_comment`, the area cache on `push`. A failure is
 * logged, not thrown: the delivery itself was ingested, and the next event, a "Re-run" or `/fallacy-watch refresh`
 * publishes again (every write is an idempotent upsert). Returns `false` when publishing failed.
 */
export async function publishFromDelivery(deps: ReactionDependencies, context: HandlerContext): Promise<boolean> {
  try {
    await routeDelivery(deps, context);
    return true;
  } catch (error) {
    context.log.error({ err: error, deliveryId: context.id, event: context.name }, 'publishing failed');
    return false;
  }
}

/**
 * The same routing, failures thrown: the queue worker's reactions use it, so a failed publish leaves the delivery
 * pending and its retry publishes again.
 */
export async function routeDelivery(deps: ReactionDependencies, context: HandlerContext): Promise<void> {
  switch (context.name) {
    case 'pull_request':
    case 'check_suite':
    case 'check_run':
      await onPullRequestCheck(deps, context);
      break;
    case 'issue_comment':
      await onRefreshCommand(deps, context);
      break;
    case 'push':
      await onPush(deps, context);
      break;
    default:
      break;
  }
}

/** Actions of each event {@link routeDelivery} may do something for; `undefined`: any action. */
const REACTING_ACTIONS: Readonly<Record<string, readonly string[] | undefined>> = {
  pull_request: PULL_REQUEST_CHECK_ACTIONS,
  check_suite: CHECK_SUITE_CHECK_ACTIONS,
  check_run: CHECK_RUN_CHECK_ACTIONS,
  issue_comment: ['created'],
  push: undefined,
};

/**
 * Whether {@link routeDelivery} may do anything for a delivery of this event and action (a superset: a
 * `pull_request.opened` of a closed PR still says yes), and for a new comment, whether its ticket says it asks for a
 * refresh (most comments do not). The queue workers run the others without the installation's and repository's
 * slots and without handing them to the reactions: they only store records. An unknown action, or a comment ticket
 * without `refreshRequest` (jobs queued before tickets carried them), says yes.
 */
export function reactsToDelivery(event: string, action: string | undefined, ticket: { refreshRequest?: boolean } = {}): boolean {
  if (!(event in REACTING_ACTIONS)) return false;
  if (event === 'issue_comment' && ticket.refreshRequest === false) return false;
  const actions = REACTING_ACTIONS[event];
  return actions === undefined || action === undefined || actions.includes(action);
}
