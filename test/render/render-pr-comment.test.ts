import { describe, expect, it } from 'vitest';
import { computeContentHash, findMarker, hasMarker, PR_COMMENT_MARKER, readHash } from '../../src/render/hidden-marker.js';
import { describeDuration, renderPrComment } from '../../src/render/render-pr-comment.js';
import { renderBodyExample } from './example-document.js';
import { aDistribution, aFinding, aMetricSet, anArea, realisticPrCommentView } from './fixtures.js';

const quiet = { ...realisticPrCommentView, firstContribution: false, contestedReview: null, supplyChainRisks: [] };

describe('renderPrComment', () => {
  it('renders the realistic fixture as committed in docs/examples/pr-comment.md', async () => {
    const comment = renderPrComment(realisticPrCommentView);
    await expect(renderBodyExample('render-pr-comment.test.ts', 'Example: the sticky pull request comment', comment!.body)).toMatchFileSnapshot(
      '../../docs/examples/pr-comment.md',
    );
  });

  it('says nothing (null) when there is nothing for the author to know', () => {
    expect(renderPrComment(quiet)).toBeNull();
  });

  it('welcomes a first contribution with how long reviews in the area really take', () => {
    const comment = renderPrComment({ ...quiet, firstContribution: true });
    expect(comment?.body).toContain(
      'Reviews in **sig/storage** usually take about 4 days to start (9 in 10 within 8 days, from 14 recent pull requests); timelines are optimistic.',
    );
  });

  it('falls back to the repository figure when the touched areas have no data', () => {
    const comment = renderPrComment({ ...quiet, firstContribution: true, areas: [anArea({ area: 'docs', metrics: aMetricSet() })] });
    expect(comment?.body).toContain('Reviews in this repository usually take about 1 day to start (9 in 10 within 4 days');
  });

  it('admits when there is no history to set an expectation', () => {
    const comment = renderPrComment({ ...quiet, firstContribution: true, areas: [], repo: aMetricSet() });
    expect(comment?.body).toContain('There is too little history yet (fewer than 5 reviewed pull requests recently) to promise how long a review takes here.');
  });

  it.each([
    [4, 5, false],
    [5, 5, true],
    [1, 1, true],
    [2, 3, false],
  ])('quotes a wait from %i first reviews only when the minimum is %i: %s', (n, minSamples, quoted) => {
    const areas = [anArea({ area: 'a', metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(n, 30, 60) }) })];
    const body = renderPrComment({ ...quiet, firstContribution: true, areas, repo: aMetricSet(), minSamples })!.body;
    expect(body.includes('usually take about')).toBe(quoted);
    expect(body.includes('too little history')).toBe(!quoted);
  });

  it('lists each touched area when there are several', () => {
    const areas = [
      anArea({ area: 'a', metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(5, 30, 60) }) }),
      anArea({ area: 'b', metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(6, 5, null) }) }),
      anArea({ area: 'c', metrics: aMetricSet({ pr_time_to_first_review_hours: aDistribution(3, 5, null) }) }),
    ];
    const body = renderPrComment({ ...quiet, firstContribution: true, areas })!.body;
    expect(body).toContain('- Reviews in **a** usually take about 1 day to start (9 in 10 within 3 days, from 5 recent pull requests).');
    expect(body).toContain('- Reviews in **b** usually take about 5 hours to start (from 6 recent pull requests).');
    expect(body).not.toContain('**c**');
  });

  it('explains a contested review naming reviewers as plain text', () => {
    const body = renderPrComment({ ...quiet, contestedReview: { approvedBy: ['bob', 'carol'], changesRequestedBy: ['alice'] } })!.body;
    expect(body).toContain('bob and carol approved this pull request while alice requested changes.');
    expect(body).toContain('The Reality: Take into account maintainer incoherencies.');
  });

  it('lists supply-chain risks the pull request introduces', () => {
    const body = renderPrComment({ ...quiet, supplyChainRisks: [aFinding({ fallacy: 5, title: 'uses curl | sh', location: { path: 'ci.yml', startLine: 9, endLine: 9 } })] })!.body;
    expect(body).toContain('- ⚠️ ci.yml line 9: uses curl \\| sh');
  });

  it('starts with the marker and ends with a hash of its content', () => {
    const comment = renderPrComment(realisticPrCommentView)!;
    expect(comment.body.startsWith(`${PR_COMMENT_MARKER}\n`)).toBe(true);
    expect(readHash(comment.body)).toBe(comment.hash);
    const content = comment.body.slice(PR_COMMENT_MARKER.length + 1, comment.body.lastIndexOf('\n\n<!-- fallacy-watch:hash:'));
    expect(computeContentHash(content)).toBe(comment.hash);
  });

  it('keeps the same hash for the same content and changes it when the content changes', () => {
    const first = renderPrComment(realisticPrCommentView)!;
    expect(renderPrComment(structuredClone(realisticPrCommentView))!.hash).toBe(first.hash);
    expect(renderPrComment({ ...realisticPrCommentView, contestedReview: null })!.hash).not.toBe(first.hash);
  });
});

describe('markers', () => {
  it('finds the sticky comment among others and reads its hash', () => {
    const comments = [{ id: 1, body: 'LGTM' }, { id: 2, body: null }, { id: 3, body: `${PR_COMMENT_MARKER}\nhi\n<!-- fallacy-watch:hash:abc123 -->` }];
    expect(findMarker(comments)?.id).toBe(3);
    expect(readHash(comments[2]!.body)).toBe('abc123');
    expect(readHash('no marker here')).toBeNull();
    expect(hasMarker(undefined)).toBe(false);
  });
});

describe('describeDuration', () => {
  it.each([
    [0.2, '1 hour'],
    [5, '5 hours'],
    [19.5, '20 hours'],
    [20, '1 day'],
    [101, '4 days'],
  ])('%s hours reads as %s', (hours, text) => {
    expect(describeDuration(hours)).toBe(text);
  });
});
