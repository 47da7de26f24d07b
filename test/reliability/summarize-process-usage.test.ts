import { describe, expect, it } from 'vitest';
import { describeStatement } from '../../src/loadtest/count-io-preload.js';
import { computeSlope, summarizeMemory, summarizeProcessUsage } from '../../src/loadtest/summarize-process-usage.js';

describe('a load run process figures', () => {
  it('names a statement by its verb and table', () => {
    expect(describeStatement('insert into "deliveries" ("id") values ($1) on conflict do nothing')).toBe('insert deliveries');
    expect(describeStatement('select "status" from "deliveries" where "id" = $1')).toBe('select deliveries');
    expect(describeStatement('update "deliveries" set "attempts" = "attempts" + $1')).toBe('update deliveries');
    expect(describeStatement('BEGIN')).toBe('begin');
  });

  it('gives CPU time, statements and commands per delivery between two readings', () => {
    const start = { sql: { 'insert deliveries': 10 }, redis: { evalsha: 4 }, cpuMicros: 1_000_000, heapAfterGc: [] };
    const end = { sql: { 'insert deliveries': 110, begin: 50 }, redis: { evalsha: 204, zrem: 4 }, cpuMicros: 1_500_000, heapAfterGc: [] };
    const usage = summarizeProcessUsage(start, end, 100);
    expect(usage.cpuMsPerDelivery).toBe(5);
    expect(usage.sqlPerDelivery).toBe(1.5);
    expect(usage.redisPerDelivery).toBe(2.04);
    expect(usage.sqlKinds).toEqual([['insert deliveries', 1], ['begin', 0.5]]);
  });

  it('tells growth after the warm-up from growth during it', () => {
    expect(computeSlope([1, 2, 3, 4])).toBe(1);
    expect(computeSlope([5])).toBe(0);
    // Every 10 s: grows for the first 30 s, flat after.
    const flat = summarizeMemory([100, 130, 150, 160, 160, 161, 160, 160], 10, 30);
    expect(flat).toMatchObject({ startMb: 100, warmMb: 160, endMb: 160, maxMb: 161 });
    expect(Math.abs(flat.mbPerMinuteAfterWarmUp)).toBeLessThan(1);
    expect(summarizeMemory([100, 110, 120, 130, 140], 10, 10).mbPerMinuteAfterWarmUp).toBeCloseTo(60);
  });
});
