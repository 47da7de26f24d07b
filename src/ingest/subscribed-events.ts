/**
 * The webhook events fallacy-watch subscribes to (`app.yml` `default_events`) and, per event, the actions it
 * ingests. Any other event or action is acknowledged and ignored.
 */
export const SUBSCRIBED_EVENTS = {
  pull_request: [
    'opened',
    'reopened',
    'closed',
    'ready_for_review',
    'converted_to_draft',
    'review_requested',
    'review_request_removed',
    'labeled',
    'unlabeled',
    'synchronize',
    'edited',
    'assigned',
    'unassigned',
    'milestoned',
    'demilestoned',
  ],
  pull_request_review: ['submitted', 'dismissed', 'edited'],
  pull_request_review_comment: ['created', 'edited', 'deleted'],
  issue_comment: ['created', 'edited', 'deleted'],
  issues: [
    'opened',
    'closed',
    'reopened',
    'labeled',
    'unlabeled',
    'milestoned',
    'demilestoned',
    'assigned',
    'unassigned',
    'edited',
    'deleted',
    'transferred',
  ],
  milestone: ['created', 'opened', 'closed', 'edited', 'deleted'],
  release: ['published', 'created', 'edited', 'prereleased', 'released', 'unpublished', 'deleted'],
  push: [null],
  check_suite: ['requested', 'rerequested', 'completed'],
  /** Only the single-check "Re-run" button of this app's own run (GitHub sends it to the app that created the run). */
  check_run: ['rerequested'],
  installation: ['created', 'deleted'],
  installation_repositories: ['added', 'removed'],
} as const satisfies Record<string, readonly (string | null)[]>;

export type SubscribedEvent = keyof typeof SUBSCRIBED_EVENTS;

export function isSubscribedEvent(name: string): name is SubscribedEvent {
  return Object.hasOwn(SUBSCRIBED_EVENTS, name);
}
