import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';

/**
 * HTTP mocks with teeth: no real network, every request must match a mock (an unmatched one fails the test even
 * where the code under test swallows the error) and every mock must be used.
 */
export function useStrictNock(): void {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; href?: string }) => {
    unmatched.push(`${req.method ?? '?'} ${req.href ?? req.path ?? '?'}`);
  };
  beforeEach(() => {
    unmatched.length = 0;
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
    nock.emitter.on('no match', onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(unmatched, 'requests no mock matched').toEqual([]);
    expect(pending, 'mocks never used').toEqual([]);
  });
}
