import { describe, expect, it } from 'vitest';
import { isPinnedUses } from '../../../src/supply-chain/detectors/is-pinned-uses.js';
import { readWorkflowFixture } from '../helpers.js';

interface PinningVector {
  uses: string;
  ispinned: boolean;
  desc: string;
}
const vectors = (JSON.parse(readWorkflowFixture('uses_pinning_and_context_vectors.json')) as { uses_pinning: PinningVector[] })
  .uses_pinning;

describe('isPinnedUses — Scorecard TestGithubWorkflowPinningPattern vectors (exact)', () => {
  it('has the 12 vectors', () => expect(vectors).toHaveLength(12));
  it.each(vectors)('$uses → pinned: $ispinned ($desc)', ({ uses, ispinned }) => {
    expect(isPinnedUses(uses)).toBe(ispinned);
  });
});

describe('isPinnedUses — further cases', () => {
  it.each([
    ['owner/repo/.github/workflows/release.yml@a81bbbf8298c0fa03ea29cdc473d45769f953675', true],
    ['owner/repo/.github/workflows/release.yml@v1', false],
    ['actions/checkout@A81BBBF8298C0FA03EA29CDC473D45769F953675', true],
    ['actions/checkout', false],
    ['actions/checkout@', false],
    ['actions/checkout@a81bbbf8298c0fa03ea29cdc473d45769f95367', false],
    ['docker://alpine@sha256:abc', false],
    ['  ./local-action  ', true],
  ])('%s → %s', (uses, pinned) => expect(isPinnedUses(uses)).toBe(pinned));
});
