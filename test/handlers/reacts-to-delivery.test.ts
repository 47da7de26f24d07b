import examples from '@octokit/webhooks-examples' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { createAreaContextCache } from '../../src/areas/area-context-cache.js';
import { createKeyLock } from '../../src/handlers/create-key-lock.js';
import type { HandlerContext, HandlerDependencies } from '../../src/handlers/handler-dependencies.js';
import { describeDelivery } from '../../src/handlers/on-any-delivery.js';
import { reactsToDelivery, routeDelivery } from '../../src/handlers/publish-from-delivery.js';
import { SUBSCRIBED_EVENTS } from '../../src/ingest/subscribed-events.js';
import { silentLog } from '../helpers/silent-log.js';

type Example = { action?: string; [key: string]: unknown };
const cases = (examples as unknown as Array<{ name: string; examples: Example[] }>)
  .filter((group) => Object.hasOwn(SUBSCRIBED_EVENTS, group.name))
  .flatMap((group) => group.examples.map((payload, index) => ({ label: `${group.name}.${payload.action ?? '-'} #${index}`, name: group.name, payload })));

/** A stand-in that fails the test on any use: what a delivery without reactions must never touch. */
function untouchable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: (_, property) => {
      throw new Error(`${what}.${String(property)} was used`);
    },
  });
}

describe('reactsToDelivery: which deliveries the queue workers run without slots and without the reactions', () => {
  const silent = cases.filter(({ name, payload }) => !reactsToDelivery(name, payload.action, describeDelivery({ id: 'd-1', name, payload })));

  it('leaves out most examples and keeps those the routing acts on', () => {
    expect(silent.length).toBeGreaterThan(cases.length / 2);
    expect(reactsToDelivery('pull_request', 'opened')).toBe(true);
    expect(reactsToDelivery('pull_request', 'closed')).toBe(false);
    expect(reactsToDelivery('check_suite', 'requested')).toBe(true);
    expect(reactsToDelivery('check_run', 'rerequested')).toBe(true);
    expect(reactsToDelivery('issue_comment', 'created')).toBe(true);
    expect(reactsToDelivery('issue_comment', 'edited')).toBe(false);
    expect(reactsToDelivery('push', undefined)).toBe(true);
    expect(reactsToDelivery('pull_request_review', 'submitted')).toBe(false);
    // A ticket queued before tickets carried the action is taken to react.
    expect(reactsToDelivery('pull_request', undefined)).toBe(true);
  });

  it('leaves out a new comment whose ticket says it asks for no refresh, and keeps one that asks (or a ticket that does not say)', () => {
    const comment = (body: string, association = 'MEMBER') => ({ action: 'created', issue: { number: 1 }, comment: { body, author_association: association, user: { login: 'ann', type: 'User' } } });
    const ticketOf = (payload: unknown) => describeDelivery({ id: 'd-1', name: 'issue_comment', payload });
    expect(ticketOf(comment('looks good')).refreshRequest).toBe(false);
    expect(ticketOf(comment('/fallacy-watch refresh', 'NONE')).refreshRequest).toBe(false);
    expect(ticketOf(comment('/fallacy-watch refresh')).refreshRequest).toBe(true);
    expect(describeDelivery({ id: 'd-2', name: 'pull_request', payload: { action: 'opened' } })).not.toHaveProperty('refreshRequest');
    expect(reactsToDelivery('issue_comment', 'created', ticketOf(comment('looks good')))).toBe(false);
    expect(reactsToDelivery('issue_comment', 'created', ticketOf(comment('/fallacy-watch refresh')))).toBe(true);
    expect(reactsToDelivery('issue_comment', 'created', {})).toBe(true);
    expect(silent.some(({ name, payload }) => name === 'issue_comment' && payload.action === 'created')).toBe(true);
  });

  it.each(silent)('$label: the routing touches neither GitHub nor the store nor the caches', async ({ name, payload }) => {
    const deps: HandlerDependencies = {
      store: untouchable('store'),
      now: () => new Date('2026-11-01T00:00:00Z'),
      areas: { ...createAreaContextCache(), drop: () => expect.unreachable('areas.drop') },
      lock: createKeyLock(),
    };
    const context = { id: 'd-1', name, payload, octokit: untouchable('octokit'), log: silentLog, config: untouchable('config') } as unknown as HandlerContext;
    await expect(routeDelivery(deps, context)).resolves.toBeUndefined();
  });
});
