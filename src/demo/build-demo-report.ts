import { buildAreaModel } from '../areas/area-model.js';
import { createDefaultConfig, type FallacyWatchConfig } from '../config/config-schema.js';
import type { RepositoryActivity } from '../core/records.js';
import { buildReport } from '../report/build-report.js';
import type { Report } from '../report/types.js';
import { analyzeSupplyChain } from '../supply-chain/analyze-supply-chain.js';
import type { DemoCheckout } from './build-demo-checkout.js';

/**
 * The demo repository's report at `now`, with the inputs the weekly digest uses: areas from the checkout's OWNERS
 * tree, every tracked path, and the supply-chain findings of its workflows and repository signals (releases are
 * left out here; the digest reads them from the API). For the terminal summary and `report.json`. Pure.
 */
export function buildDemoReport(input: { activity: RepositoryActivity; checkout: DemoCheckout; now: Date; config?: FallacyWatchConfig }): Report {
  const config = input.config ?? createDefaultConfig();
  const { checkout } = input;
  const areaModel = buildAreaModel({ paths: checkout.paths, files: checkout.ownersFiles, configAreas: config.areas, labelPrefixes: config.areaLabelPrefixes });
  return buildReport({
    activity: input.activity,
    config,
    to: input.now,
    areaModel,
    paths: checkout.paths,
    supplyChain: analyzeSupplyChain(checkout.supplyChain),
  }).report;
}
