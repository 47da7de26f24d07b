import { describe, expect, it } from 'vitest';
import { buildRepositoryReport, type RepositoryReportSources } from '../../src/application/build-repository-report.js';
import { buildAreaModel } from '../../src/areas/area-model.js';
import { fallacyWatchConfigSchema } from '../../src/config/config-schema.js';
import type { Window } from '../../src/metrics/types.js';
import { buildReport, resolveReportWindow } from '../../src/report/build-report.js';
import { aComment, anActivity, aPullRequest, WINDOW_TO } from '../metrics/builders.js';

const TO = new Date(WINDOW_TO);
const ago = (hours: number) => new Date(WINDOW_TO - hours * 3_600_000).toISOString();
const config = fallacyWatchConfigSchema.parse({ windowDays: 14 });
const activity = anActivity({
  pullRequests: [aPullRequest({ number: 1, createdAt: ago(100) }), aPullRequest({ number: 2, author: 'bea', createdAt: ago(30) })],
  comments: [aComment(1, 'maintainer', ago(90))],
});
const repository = activity.repository;
const model = buildAreaModel({ paths: ['docs/a.md', 'src/b.ts'], files: new Map([['CODEOWNERS', '/docs/ @acme/docs\n']]), configAreas: [], labelPrefixes: [] });

/** Sources over fixed values, recording what the use case asked for. */
function fakeSources(read: { activity: typeof activity | undefined }) {
  const asked: { windows: Window[]; areaConfigs: unknown[] } = { windows: [], areaConfigs: [] };
  const sources: RepositoryReportSources = {
    readActivity: async (window) => {
      asked.windows.push(window);
      return read.activity;
    },
    readAreas: async (areaConfig) => {
      asked.areaConfigs.push(areaConfig);
      return { model, paths: ['docs/a.md', 'src/b.ts'] };
    },
  };
  return { sources, asked };
}

describe('buildRepositoryReport', () => {
  it('reads the areas under the config and the activity over the report window, and builds the same report as buildReport', async () => {
    const { sources, asked } = fakeSources({ activity });
    const built = await buildRepositoryReport(sources, { repository, config, to: TO });
    expect(asked.windows).toEqual([resolveReportWindow(config, TO)]);
    expect(asked.areaConfigs).toEqual([config]);
    const direct = buildReport({ activity, config, to: TO, areaModel: model, paths: ['docs/a.md', 'src/b.ts'], supplyChain: null });
    expect(built.report).toEqual(direct.report);
    expect(built.activity).toBe(activity);
  });

  it('reads the window from --from when given', async () => {
    const { sources, asked } = fakeSources({ activity });
    const from = new Date(WINDOW_TO - 3 * 86_400_000);
    const built = await buildRepositoryReport(sources, { repository, config, to: TO, from });
    expect(asked.windows).toEqual([resolveReportWindow(config, TO, from)]);
    expect(built.report.window.from).toBe(from.toISOString());
  });

  it('reports an empty repository when the store holds nothing of it, and the supply chain when a source gives it', async () => {
    const { sources } = fakeSources({ activity: undefined });
    const built = await buildRepositoryReport({ ...sources, readSupplyChain: async () => [] }, { repository, config, to: TO });
    expect(built.activity.pullRequests).toEqual([]);
    expect(built.report.repository).toBe(repository.fullName);
    expect(built.report.repo.metrics.pr_time_to_first_response_hours).toMatchObject({ n: 0 });
  });
});

describe('buildRepositoryReport without a supply-chain source', () => {
  it('leaves the supply chain not judged; with one, it is judged', async () => {
    const { sources } = fakeSources({ activity });
    const without = await buildRepositoryReport(sources, { repository, config, to: TO });
    const withSource = await buildRepositoryReport({ ...sources, readSupplyChain: async () => [] }, { repository, config, to: TO });
    const judged = (report: typeof without.report) => !(report.not_judged ?? []).some((entry) => entry.rule === 'supply-chain-is-secure');
    expect([judged(without.report), judged(withSource.report)]).toEqual([false, true]);
  });
});
