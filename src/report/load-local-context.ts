import { readFile } from 'node:fs/promises';
import { buildAreaModel, type AreaModel } from '../areas/area-model.js';
import { readAreaCheckout } from '../areas/read-area-checkout.js';
import type { ConfigValidation } from '../config/config-problem.js';
import { createDefaultConfig, type FallacyWatchConfig } from '../config/config-schema.js';
import { parseConfigYaml } from '../config/parse-config-yaml.js';
import { analyzeSupplyChain } from '../supply-chain/analyze-supply-chain.js';
import { readLocalCheckout } from '../supply-chain/read-local-checkout.js';
import type { SupplyChainFinding } from '../supply-chain/types.js';

/** What a report needs besides the store: config, areas, tracked paths and supply-chain findings. */
export interface LocalContext {
  config: ConfigValidation<FallacyWatchConfig>;
  areaModel: AreaModel | null;
  paths: string[] | null;
  supplyChain: SupplyChainFinding[] | null;
}

/**
 * Reads the report's context for the CLI: the config from `--config` (else the checkout's
 * `.github/fallacy-watch.yml`, else defaults) and, with a checkout, its areas, tracked paths and supply chain.
 */
export async function loadLocalContext(options: { dir?: string; configFile?: string }): Promise<LocalContext> {
  const checkout = options.dir ? await readAreaCheckout(options.dir) : null;
  const configText = options.configFile ? await readFile(options.configFile, 'utf8') : (checkout?.config ?? null);
  const config = configText === null ? { config: createDefaultConfig(), errors: [], warnings: [] } : parseConfigYaml(configText);
  if (!checkout || !options.dir) return { config, areaModel: null, paths: null, supplyChain: null };
  const areaModel = buildAreaModel({
    paths: checkout.paths,
    files: checkout.files,
    configAreas: config.config.areas,
    labelPrefixes: config.config.areaLabelPrefixes,
  });
  const supplyChain = analyzeSupplyChain(await readLocalCheckout(options.dir));
  return { config, areaModel, paths: checkout.paths, supplyChain };
}
