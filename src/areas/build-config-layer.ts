import type { AreaConfig } from './area-config-schema.js';
import { normalizeOwner, type Area, type AreaLayer } from './area.js';
import type { AreaSourceError } from './area-source-error.js';
import { compileCodeownersPattern, type CodeownersPattern } from './codeowners/compile-codeowners-pattern.js';
import { AREA_CONFIG_FILE } from './touches-area-sources.js';

/**
 * Areas declared under `areas:` in `.github/fallacy-watch.yml`. A path belongs to every declared area one of whose
 * `paths` (CODEOWNERS patterns, GitHub semantics) matches it; a path no declared area matches is left to the next
 * source. Owners are the matched areas' owners; when they declare none, `null` owners tell the model to take the
 * path's owners from the file source (so a config can group paths into named areas and keep CODEOWNERS owners).
 */
export function buildConfigLayer(configAreas: readonly AreaConfig[]): AreaLayer & {
  errors: AreaSourceError[];
  resolveOwners: (path: string) => string[] | null;
} {
  const errors: AreaSourceError[] = [];
  const compiled = configAreas.map((config, index) => {
    const patterns: CodeownersPattern[] = [];
    config.paths.forEach((path, pathIndex) => {
      try {
        patterns.push(compileCodeownersPattern(path));
      } catch (error) {
        errors.push({ file: AREA_CONFIG_FILE, line: null, message: `areas[${index}].paths[${pathIndex}] ${JSON.stringify(path)}: ${(error as Error).message}` });
      }
    });
    const owners = [...new Set(config.owners.map(normalizeOwner))].sort();
    const area: Area = {
      name: config.name,
      source: 'config',
      owners,
      approvers: owners,
      reviewers: [],
      labels: [...config.labels],
      definedBy: [...config.paths],
    };
    return { area, patterns };
  });
  const matching = (path: string) => compiled.filter(({ patterns }) => patterns.some((pattern) => pattern.test(path)));
  return {
    areas: compiled.map(({ area }) => area),
    errors,
    resolve: (path) => {
      const matched = matching(path);
      if (matched.length === 0) return null;
      const owners = [...new Set(matched.flatMap(({ area }) => area.owners))].sort();
      return { areas: [...new Set(matched.map(({ area }) => area.name))], owners };
    },
    resolveOwners: (path) => {
      const owners = [...new Set(matching(path).flatMap(({ area }) => area.owners))].sort();
      return owners.length > 0 ? owners : null;
    },
  };
}
