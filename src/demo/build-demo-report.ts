import { buildRepositoryReport } from '../application/build-repository-report.js';
import { buildAreaModel } from '../areas/area-model.js';
import { createDefaultConfig, type FallacyWatchConfig } from '../config/config-schema.js';
import type { RepositoryRecord } from '../core/records.js';
import type { Report } from '../report/types.js';
import type { Store } from '../store/store.js';
import { analyzeSupplyChain } from '../supply-chain/analyze-supply-chain.js';
import type { DemoCheckout } from './build-demo-checkout.js';

export interface BuildDemoReportInput {
  /** The demo's store, holding every record of the sample community. */
  store: Pick<Store, 'loadActivity'>;
  repository: Pick<RepositoryRecord, 'installationId' | 'repoId' | 'fullName' | 'defaultBranch'>;
  checkout: DemoCheckout;
  now: Date;
  config?: FallacyWatchConfig;
}

/**
 * The demo repository's report at `now` ({@link buildRepositoryReport}), with the inputs the weekly digest uses:
 * every stored record, areas from the checkout's OWNERS tree, every tracked path, and the supply-chain findings of
 * its workflows and repository signals (releases are left out here; the digest reads them from the API). For the
 * terminal summary and `report.json`.
 */
export async function buildDemoReport(input: BuildDemoReportInput): Promise<Report> {
  const config = input.config ?? createDefaultConfig();
  const { checkout, repository } = input;
  const { report } = await buildRepositoryReport(
    {
      readActivity: () => input.store.loadActivity(repository.installationId, repository.repoId),
      readAreas: async (areaConfig) => ({
        model: buildAreaModel({ paths: checkout.paths, files: checkout.ownersFiles, configAreas: areaConfig.areas, labelPrefixes: areaConfig.areaLabelPrefixes }),
        paths: checkout.paths,
      }),
      readSupplyChain: async () => analyzeSupplyChain(checkout.supplyChain),
    },
    { repository, config, to: input.now },
  );
  return report;
}
