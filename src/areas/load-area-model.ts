import type { Logger } from 'pino';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { AreaContextCache, DefaultBranchAreaSourcesReader } from './area-context-cache.js';
import type { AreaSources } from './fetch-area-sources.js';
import { type AreaModel, buildAreaModel } from './area-model.js';

/** The area model of a repository's default branch and its tracked paths (`null` when the tree was cut short). */
export interface LoadedAreaModel {
  model: AreaModel;
  paths: string[] | null;
}

/**
 * Models built from cached sources, per declared areas and label prefixes: the same sources give the same model, and
 * it keeps what it has resolved (each path's areas, each PR's placement) from one check run to the next.
 */
const models = new WeakMap<AreaSources, Map<string, AreaModel>>();

function modelOf(sources: AreaSources, config: Pick<FallacyWatchConfig, 'areas' | 'areaLabelPrefixes'>): AreaModel {
  const key = JSON.stringify([config.areas ?? null, config.areaLabelPrefixes ?? null]);
  let built = models.get(sources);
  if (!built) models.set(sources, (built = new Map()));
  let model = built.get(key);
  if (!model) {
    model = buildAreaModel({ paths: sources.paths, files: sources.files, configAreas: config.areas, labelPrefixes: config.areaLabelPrefixes });
    built.set(key, model);
  }
  return model;
}

/**
 * Builds the area model from the cached default-branch sources with the config's declared areas and label
 * prefixes. When the sources cannot be read (no permission, an empty repository) the report goes on without areas:
 * `null`, logged.
 */
export async function loadAreaModel(
  octokit: DefaultBranchAreaSourcesReader,
  areas: Pick<AreaContextCache, 'load'>,
  target: RepositoryTarget,
  config: Pick<FallacyWatchConfig, 'areas' | 'areaLabelPrefixes'>,
  log: Pick<Logger, 'warn'>,
): Promise<LoadedAreaModel | null> {
  try {
    const sources = await areas.load(octokit, target);
    return { model: modelOf(sources, config), paths: sources.truncated ? null : sources.paths };
  } catch (error) {
    log.warn({ err: error, repository: target.fullName }, 'area sources could not be read; reporting without areas');
    return null;
  }
}
