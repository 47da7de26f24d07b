import type { HandlerContext, HandlerDependencies } from './handler-dependencies.js';
import { onPullRequestCheck } from './on-pull-request-check.js';
import { onPush } from './on-push.js';
import { onRefreshCommand } from './on-refresh-command.js';

/**
 * Runs the publishing handler of a delivery whose records are already in the store: the check run and sticky
 * comment on `pull_request`, `check_suite` and `check_run` (re-run), a refresh on `issue_comment`, the area cache on `push`. A failure is
 * logged, not thrown: the delivery itself was ingested, and the next event, a "Re-run" or `/fallacy-watch refresh`
 * publishes again (every write is an idempotent upsert). Returns `false` when publishing failed.
 */
export async function publishFromDelivery(deps: HandlerDependencies, context: HandlerContext): Promise<boolean> {
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
export async function routeDelivery(deps: HandlerDependencies, context: HandlerContext): Promise<void> {
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
      onPush(deps, context);
      break;
    default:
      break;
  }
}
