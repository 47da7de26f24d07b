import type { Probot } from 'probot';
import type { RunReactions } from './process-queued-delivery.js';
import { receiveDelivery } from '../handlers/receive-delivery.js';

/**
 * Runs a stored delivery through the reaction handlers loaded into `probot` (`probot.receive`): the handlers see
 * the same event and an installation-authenticated `context.octokit`. A handler's error rejects, so the job is retried.
 */
export function createReactionRunner(probot: Probot): RunReactions {
  return async (delivery) => {
    await receiveDelivery(probot, delivery);
  };
}
