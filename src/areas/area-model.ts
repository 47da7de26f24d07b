import type { AreaConfig } from './area-config-schema.js';
import type { Area, AreaLayer, PathResolution } from './area.js';
import type { AreaSourceError } from './area-source-error.js';
import { buildCodeownersLayer } from './build-codeowners-layer.js';
import { buildConfigLayer } from './build-config-layer.js';
import { buildDirectoryLayer } from './build-directory-layer.js';
import { buildOwnersLayer } from './build-owners-layer.js';
import { locateCodeownersFile } from './codeowners/locate-codeowners-file.js';
import type { OwnersDirDenylist } from './owners/list-ignored-owners-dirs.js';
import { OWNERS_ALIASES_FILENAME, OWNERS_FILENAME } from './owners/load-repo-owners.js';

/** The source that defines the model's areas: the first that exists, in this order. */
export type AreaModelSource = 'config' | 'owners' | 'codeowners' | 'directories';

export interface BuildAreaModelInput {
  /** Every tracked file path at the default branch head. */
  paths: readonly string[];
  /** Contents of the CODEOWNERS, OWNERS and OWNERS_ALIASES files found (by path). */
  files: ReadonlyMap<string, string>;
  /** `areas:` from `.github/fallacy-watch.yml` (already validated). */
  configAreas?: readonly AreaConfig[];
  /** Label prefixes that name an area. Default `['area/', 'sig/']`. */
  labelPrefixes?: readonly string[];
  /** prow's OWNERS directory denylist (the preconfigured `vendor/.*\/.*` etc. apply unless ignored). */
  ownersDirDenylist?: OwnersDirDenylist;
}

/** The areas of a repository and how paths and labels map onto them. Pure; lookups are memoized. */
export interface AreaModel {
  /** `config` when `areas:` are declared, else the file source in use. */
  source: AreaModelSource;
  /** The file source behind config areas (and for paths no declared area covers). */
  fileSource: Exclude<AreaModelSource, 'config'>;
  /** The CODEOWNERS file in use (`null` when none, or when OWNERS files take precedence). */
  codeownersFile: string | null;
  /** Config areas first, then the file source's, each name once. */
  areas: Area[];
  /** Names of the areas a path falls in (empty for an unowned path under OWNERS or CODEOWNERS). */
  areasOf: (path: string) => string[];
  /** A path's owners: normalized logins, `org/team` units and emails, sorted. */
  ownersOf: (path: string) => string[];
  /**
   * Areas the labels place an item in: areas that declare the label (config `labels`, OWNERS `labels`), and, for a
   * label with an area prefix that no area declares, an area named by the label itself (`area/docs`).
   */
  areasForLabels: (labels: readonly string[]) => string[];
  errors: AreaSourceError[];
}

/**
 * Builds the area model. Precedence (spec "Area"): config `areas:` > OWNERS > CODEOWNERS > top-level directories.
 * Config areas override per path: a path matched by a declared area is in that area; any other path is resolved by
 * the first file source that exists (any OWNERS file → prow semantics; else the CODEOWNERS GitHub uses → GitHub
 * semantics; else its top-level directory).
 */
export function buildAreaModel(input: BuildAreaModelInput): AreaModel {
  const labelPrefixes = input.labelPrefixes ?? ['area/', 'sig/'];
  const configAreas = input.configAreas ?? [];
  const errors: AreaSourceError[] = [];
  const trackedFiles = new Set(input.paths);

  const ownersFiles = new Map([...input.files].filter(([path]) => basenameOf(path) === OWNERS_FILENAME));
  const codeownersFile = ownersFiles.size > 0 ? null : locateCodeownersFile([...input.files.keys()]);

  let fileSource: AreaModel['fileSource'];
  let fileLayer: AreaLayer;
  if (ownersFiles.size > 0) {
    fileSource = 'owners';
    const layer = buildOwnersLayer({
      ownersFiles,
      aliases: input.files.get(OWNERS_ALIASES_FILENAME) ?? null,
      labelPrefixes,
      ...(input.ownersDirDenylist ? { denylist: input.ownersDirDenylist } : {}),
    });
    errors.push(...layer.errors);
    fileLayer = layer;
  } else if (codeownersFile !== null) {
    fileSource = 'codeowners';
    const layer = buildCodeownersLayer(codeownersFile, input.files.get(codeownersFile) ?? '', (path) => trackedFiles.has(path));
    errors.push(...layer.errors);
    fileLayer = layer;
  } else {
    fileSource = 'directories';
    fileLayer = buildDirectoryLayer(input.paths);
  }

  const configLayer = buildConfigLayer(configAreas);
  errors.push(...configLayer.errors);

  const areas = new Map<string, Area>();
  for (const area of [...configLayer.areas, ...fileLayer.areas]) if (!areas.has(area.name)) areas.set(area.name, area);

  const memo = new Map<string, PathResolution>();
  const resolve = (path: string): PathResolution => {
    let resolution = memo.get(path);
    if (!resolution) {
      const fromConfig = configAreas.length > 0 ? configLayer.resolve(path) : null;
      const fromFiles = fileLayer.resolve(path) ?? { areas: [], owners: [] };
      resolution = fromConfig
        ? { areas: fromConfig.areas, owners: configLayer.resolveOwners(path) ?? fromFiles.owners }
        : fromFiles;
      memo.set(path, resolution);
    }
    return resolution;
  };

  const areasForLabels = (labels: readonly string[]): string[] => {
    const out = new Set<string>();
    for (const label of labels) {
      const lower = label.toLowerCase();
      const declaring = [...areas.values()].filter((area) => area.labels.some((l) => l.toLowerCase() === lower));
      if (declaring.length > 0) declaring.forEach((area) => out.add(area.name));
      else if (labelPrefixes.some((prefix) => lower.startsWith(prefix.toLowerCase()))) out.add(label);
    }
    return [...out];
  };

  return {
    source: configAreas.length > 0 ? 'config' : fileSource,
    fileSource,
    codeownersFile,
    areas: [...areas.values()],
    areasOf: (path) => resolve(path).areas,
    ownersOf: (path) => resolve(path).owners,
    areasForLabels,
    errors,
  };
}

function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
