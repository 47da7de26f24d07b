import type { FindingDraft } from './create-rule-reporter.js';
import type { RuleInput, RuleItemList } from './types.js';

/**
 * The `items` (and `itemsUrl`) of a finding draft about `list` in `area`, for spreading into `reporter.fire`; empty
 * when the input lists no items (a caller without records).
 */
export function itemsOf(input: RuleInput, area: string | null, list: RuleItemList): Pick<FindingDraft, 'items' | 'itemsUrl'> {
  if (!input.listItems) return {};
  const { items, url } = input.listItems(area, list);
  return url ? { items, itemsUrl: url } : { items };
}
