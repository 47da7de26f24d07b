import type { RepositoryActivity } from '../core/records.js';
import { forEachActivity } from '../core/history-questions.js';
import { STALE_OWNER_ACTIVITY } from '../metrics/history-definitions.js';
import type { ActivityIndex } from '../metrics/index-activity.js';
import { labelQualifier, searchUrl, userUrl } from '../metrics/item-urls.js';
import { listMetricItems, type ItemListName } from '../metrics/list-metric-items.js';
import { type MetricOptions, resolveMetricOptions } from '../metrics/metric-options.js';
import { narrowIndexToWindow } from '../metrics/narrow-index-to-window.js';
import type { ReportItem } from '../metrics/types.js';
import type { ItemList, RuleInput } from '../rules/types.js';

export interface ItemSourceInput {
  activity: RepositoryActivity;
  /** The options the window's metrics were computed with. */
  options: MetricOptions;
  /** The repository's index, and each area's (as its metrics were computed from). */
  repository: ActivityIndex;
  areas: ReadonlyMap<string, ActivityIndex>;
  /** The stale owners the metrics found, of the repository (`null`) and per area. */
  staleOwners: (area: string | null) => readonly string[] | null;
  /** Where GitHub lists a search's results; default: the repository's issue search. */
  searchUrl?: (query: string) => string;
}

/**
 * `RuleInput.listItems` for a report: lists a count metric's items from the same index and options its count came
 * from (so the list is exactly what was counted), once per area and list, only when a rule asks; stale owners with
 * the last time the loaded records show them active. Repository-wide label lists link a GitHub search.
 */
export function createItemSource(input: ItemSourceInput): NonNullable<RuleInput['listItems']> {
  const resolved = resolveMetricOptions(input.options);
  const cache = new Map<string, ItemList>();
  const repository = input.activity.repository.fullName;
  return (area, list) => {
    const key = JSON.stringify([area, list]);
    const cached = cache.get(key);
    if (cached) return cached;
    const computed = list === 'stale_owners' ? listStaleOwners(input, area) : listCounted(input, resolved, area, list, repository);
    cache.set(key, computed);
    return computed;
  };
}

function listCounted(
  input: ItemSourceInput,
  options: ReturnType<typeof resolveMetricOptions>,
  area: string | null,
  list: ItemListName,
  repository: string,
): ItemList {
  const index = area === null ? input.repository : input.areas.get(area);
  if (!index) return { items: [] };
  const items = listMetricItems({ index: narrowIndexToWindow(index, options), options }, list);
  const query = area === null ? searchQuery(list, options) : null;
  if (!query) return { items };
  return { items, url: input.searchUrl ? input.searchUrl(query) : searchUrl(repository, query) };
}

/** A search showing the whole list, for the label lists GitHub can express; the count leaves bots' items out, the search does not. */
function searchQuery(list: ItemListName, options: ReturnType<typeof resolveMetricOptions>): string | null {
  const range = `${searchTime(options.fromMs)}..${searchTime(options.toMs)}`;
  switch (list) {
    case 'open_release_blockers':
      return options.releaseBlockerLabels.size > 0 ? `is:open ${labelQualifier([...options.releaseBlockerLabels])}` : null;
    case 'breaking_changes_merged':
      return options.breakingChangeLabels.size > 0 ? `is:pr is:merged ${labelQualifier([...options.breakingChangeLabels])} merged:${range}` : null;
    case 'regressions_opened':
      return options.regressionLabels.size > 0 ? `is:issue ${labelQualifier([...options.regressionLabels])} created:${range}` : null;
    default:
      return null;
  }
}

/** `2026-11-01T10:00:00+00:00`, the date-time form GitHub's search qualifiers take. */
function searchTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function listStaleOwners(input: ItemSourceInput, area: string | null): ItemList {
  const stale = input.staleOwners(area);
  if (!stale || stale.length === 0) return { items: [] };
  const wanted = new Set(stale.map((login) => login.toLowerCase()));
  const toIso = input.options.window.to.toISOString();
  const last = new Map<string, string>();
  const seen = (login: string, at: string | null) => {
    const key = login.toLowerCase();
    if (at === null || at > toIso || !wanted.has(key)) return;
    if ((last.get(key) ?? '') < at) last.set(key, at);
  };
  const known = input.activity.history?.lastActive;
  if (known) {
    // Read from a horizon: the store looked them up in the whole stored history (its records need not hold them).
    for (const { login, at } of known) seen(login, at);
  } else {
    forEachActivity(input.activity, STALE_OWNER_ACTIVITY, seen);
  }
  const items: ReportItem[] = stale.map((login) => {
    const at = last.get(login.toLowerCase());
    return { kind: 'user', login, url: userUrl(login), ...(at ? { at, at_label: 'last active' as const } : {}) };
  });
  // Least recently active first; never seen in the loaded records first of all.
  items.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? '') || (a.login ?? '').localeCompare(b.login ?? ''));
  return { items };
}

