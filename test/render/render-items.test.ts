import { describe, expect, it } from 'vitest';
import type { ReportItem } from '../../src/metrics/types.js';
import { renderGitHubLink, renderItem, renderItemLines } from '../../src/render/render-items.js';

const pr = (number: number, waiting?: number): ReportItem => ({
  kind: 'pull_request',
  number,
  url: `https://github.com/acme/app/pull/${number}`,
  title: `Change ${number}`,
  ...(waiting === undefined ? {} : { waiting_hours: waiting }),
});

describe('renderItem', () => {
  it.each<[ReportItem, string]>([
    [pr(12, 100), '[PR 12](https://redirect.github.com/acme/app/pull/12) Change 12 · waiting 4.2 d'],
    [{ kind: 'issue', number: 7, url: 'https://github.com/acme/app/issues/7', title: 'Crash on @someone #3', at: '2026-11-02T10:00:00Z', at_label: 'opened' }, '[issue 7](https://redirect.github.com/acme/app/issues/7) Crash on @\u200dsomeone \\#\u200d3 · opened 2026-11-02'],
    [{ kind: 'milestone', number: 3, url: 'https://github.com/acme/app/milestone/3', title: 'v1.2', at: '2026-10-01T00:00:00Z', at_label: 'due' }, '[milestone 3](https://redirect.github.com/acme/app/milestone/3) v1.2 · due 2026-10-01'],
    [{ kind: 'user', login: 'alice', url: 'https://github.com/acme/app/issues?q=review-requested%3Aalice', count: 12 }, '[alice](https://redirect.github.com/acme/app/issues?q=review-requested%3Aalice) · 12 open review requests'],
    [{ kind: 'user', login: 'bob', url: 'https://github.com/bob' }, '[bob](https://redirect.github.com/bob) · no activity in the stored history'],
  ])('%j', (item, expected) => {
    expect(renderItem(item)).toBe(expected);
  });
});

describe('renderItemLines', () => {
  it('lists every item up to 10', () => {
    const lines = renderItemLines({ items: [pr(1), pr(2)] });
    expect(lines).toEqual(['  - [PR 1](https://redirect.github.com/acme/app/pull/1) Change 1', '  - [PR 2](https://redirect.github.com/acme/app/pull/2) Change 2']);
  });

  it('caps the list at 10 and counts the rest, linking the whole list when GitHub can show it', () => {
    const items = Array.from({ length: 13 }, (_, i) => pr(i + 1));
    const lines = renderItemLines({ items, items_url: 'https://github.com/acme/app/issues?q=label%3Aregression' });
    expect(lines).toHaveLength(11);
    expect(lines[9]).toContain('[PR 10]');
    expect(lines[10]).toBe('  - and 3 more ([see them all on GitHub](https://redirect.github.com/acme/app/issues?q=label%3Aregression))');
    expect(renderItemLines({ items })[10]).toBe('  - and 3 more');
  });

  it('says nothing when a finding has no items', () => {
    expect(renderItemLines({})).toEqual([]);
    expect(renderItemLines({ items: [] })).toEqual([]);
  });
});

describe('renderGitHubLink', () => {
  it('links without a backlink, never a non-web scheme, and cannot be closed early', () => {
    expect(renderGitHubLink('PR 1', 'https://github.com/a/b/pull/1')).toBe('[PR 1](https://redirect.github.com/a/b/pull/1)');
    expect(renderGitHubLink('x', 'javascript:alert(1)')).toBe('x');
    expect(renderGitHubLink('x', 'not a url')).toBe('x');
    expect(renderGitHubLink('x', 'https://github.com/a/(b)')).toBe('[x](https://redirect.github.com/a/%28b%29)');
  });
});
