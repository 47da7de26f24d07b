import type { TimelineItemNode } from './graphql-types.js';
import { mapActorLogin } from './map-actor.js';

/**
 * An item's current labels, replayed from its complete timeline (oldest first, as GitHub returns it): a
 * `LabeledEvent` adds its label, an `UnlabeledEvent` removes it. Sorted, as the webhook path stores them. Reading
 * them from the timeline instead of a nested `labels` connection saves one request per item (a point per page).
 *
 * What this relies on, and where it can differ from the item's `labels`:
 * - Labels set when an item is created, by hand, by a template or by the API, leave a `LabeledEvent` (and a
 *   `labeled` webhook) like later ones do.
 * - A renamed label's events carry its current name, so the replay yields the current name, as `labels` does.
 * - A deleted label is removed from every item without an `UnlabeledEvent` (its `unlabeled` webhooks carry no
 *   `label`); its `LabeledEvent`s come back with `label: null` and are skipped here, so it is not replayed either.
 * - Labels that reached an item without an event (items moved by importers or transferred from another repository
 *   may carry labels their timeline does not explain) are missed; such items are rare, and a later `labeled`,
 *   `unlabeled` or `edited` webhook carries the item's full label list and corrects it.
 */
export function replayLabels(items: readonly TimelineItemNode[]): string[] {
  const labels = new Set<string>();
  for (const item of items) {
    if (item.__typename === 'LabeledEvent' && item.label) labels.add(item.label.name);
    if (item.__typename === 'UnlabeledEvent' && item.label) labels.delete(item.label.name);
  }
  return [...labels].sort();
}

/**
 * An issue's current assignees, replayed from its complete timeline like {@link replayLabels}: `AssignedEvent` adds
 * the assignee, `UnassignedEvent` removes it. Logins as webhooks spell them (a bot with `[bot]`), sorted. An event
 * whose assignee is `null` (a deleted account, which GitHub also drops from `assignees`) is skipped.
 */
export function replayAssignees(items: readonly TimelineItemNode[]): string[] {
  const assignees = new Set<string>();
  for (const item of items) {
    if (item.__typename !== 'AssignedEvent' && item.__typename !== 'UnassignedEvent') continue;
    if (!item.assignee) continue;
    const login = mapActorLogin(item.assignee);
    if (item.__typename === 'AssignedEvent') assignees.add(login);
    else assignees.delete(login);
  }
  return [...assignees].sort();
}
