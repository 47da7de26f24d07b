import { CODEOWNERS_LOCATIONS } from './codeowners/locate-codeowners-file.js';

/** The repository config file whose `areas:` override OWNERS and CODEOWNERS. */
export const AREA_CONFIG_FILE = '.github/fallacy-watch.yml';

const AREA_SOURCE_FILENAMES = new Set(['OWNERS', 'OWNERS_ALIASES']);

/** Whether a path is one that defines areas: a CODEOWNERS location, any OWNERS / OWNERS_ALIASES, or the config. */
export function isAreaSourcePath(path: string): boolean {
  if (path === AREA_CONFIG_FILE || (CODEOWNERS_LOCATIONS as readonly string[]).includes(path)) return true;
  return AREA_SOURCE_FILENAMES.has(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Whether a push (its changed paths) means the area definitions must be read again: it touches CODEOWNERS (in any
 * location GitHub reads), an OWNERS or OWNERS_ALIASES file, or `.github/fallacy-watch.yml`.
 */
export function touchesAreaSources(changedPaths: Iterable<string>): boolean {
  for (const path of changedPaths) if (isAreaSourcePath(path)) return true;
  return false;
}
