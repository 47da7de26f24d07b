import { issueUrl, milestoneUrl, pullRequestUrl } from '../../metrics/item-urls.js';
import type { ReportItem } from '../../metrics/types.js';
import type { ItemList } from '../../rules/types.js';
import { splitPooledItemNumber } from './pool-activities.js';

/**
 * A pooled item list as GitHub knows its items: each PR, issue or milestone number of the pool (`pooledItemNumber`)
 * becomes its repository's own number, with `repository` set and the link to that repository's page. People are
 * the same in every repository and stay as they are. `repositories` are the pool's repositories in pool order.
 */
export function relocatePooledItems(list: ItemList, repositories: readonly string[]): ItemList {
  return { ...list, items: list.items.map((item) => relocateItem(item, repositories)) };
}

function relocateItem(item: ReportItem, repositories: readonly string[]): ReportItem {
  if (item.kind === 'user' || item.number === undefined) return item;
  const { ordinal, number } = splitPooledItemNumber(item.number);
  const repository = repositories[ordinal - 1];
  if (repository === undefined) throw new Error(`pooled item number ${item.number} names no repository of the pool`);
  const url = item.kind === 'pull_request' ? pullRequestUrl(repository, number) : item.kind === 'issue' ? issueUrl(repository, number) : milestoneUrl(repository, number);
  return { ...item, number, repository, url };
}
