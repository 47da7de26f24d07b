import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { generateActivity } from '../../src/bench/generate-activity.js';
import { storeActivity } from '../../src/bench/store-activity.js';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import { buildReport, resolveReportWindow } from '../../src/report/build-report.js';
import { metricHorizon } from '../../src/metrics/metric-look-back.js';
import { loadReportActivity } from '../../src/report/load-report-activity.js';
import type { Store } from '../../src/store/store.js';
import { TEST_BACKENDS } from '../helpers/stores.js';

const END = new Date('2026-11-22T00:00:00Z');

describe.each(TEST_BACKENDS)('a report read from its horizon ($name)', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  const activity = generateActivity({ seed: 11, end: END, pullRequests: 3000, events: 30_000 });
  const paths = [...new Set(activity.pullRequestFiles.flatMap((files) => files.paths))].sort();
  const areaModel = buildAreaModel({ paths, files: new Map() });

  beforeAll(async () => {
    ({ store, drop } = await backend.open());
    await storeActivity(store, activity);
  });
  afterAll(() => drop());

  const report = (stored: NonNullable<Awaited<ReturnType<Store['loadActivity']>>>, config = createDefaultConfig(), to = END) =>
    buildReport({ activity: stored, config, to, areaModel, paths, supplyChain: null }).report;

  // A report for a past date reads everything active since its horizon, up to now: less is saved, nothing differs.
  it.each([
    ['28-day windows, now', 28, END, 0.5],
    ['90-day windows, a year back', 90, new Date('2025-11-22T00:00:00Z'), 1],
  ])('equals the report over the whole history (%s) while reading less of it', async (_, windowDays, to, share) => {
    const config = { ...createDefaultConfig(), windowDays };
    const window = resolveReportWindow(config, to);
    const bounded = (await loadReportActivity(store, 1, activity.repository.repoId, window))!;
    const whole = (await store.loadActivity(1, activity.repository.repoId))!;
    expect(report(bounded, config, to)).toEqual(report(whole, config, to));
    expect(bounded.pullRequests.length).toBeLessThan(whole.pullRequests.length * share);
    expect(bounded.comments.length).toBeLessThan(whole.comments.length * share);
    expect(whole.pullRequests.some((pr) => pr.createdAt < metricHorizon(window).toISOString() && pr.state === 'closed')).toBe(true);
  });
});
