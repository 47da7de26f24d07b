import type { Context, Probot } from 'probot';

/**
 * Registers `handler` for every delivery, typed with the `Context` Probot really passes. `@octokit/webhooks` types
 * `onAny`'s callback as a bare `EmitterWebhookEvent` (its `TTransformed extends unknown ? … : …` always takes the
 * first branch), though Probot hands every handler a `Context` with `octokit`, `log` and `config`: this is the one
 * place that says so, and the one cast.
 */
export function onAnyContext(app: Pick<Probot, 'onAny'>, handler: (context: Context) => Promise<unknown> | unknown): void {
  app.onAny((event) => handler(event as Context));
}
