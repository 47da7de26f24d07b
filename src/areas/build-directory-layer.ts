import type { Area, AreaLayer } from './area.js';

/** The area of a path when nothing else defines one: its top-level directory, or `/` for files at the root. */
export function topLevelAreaOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? '/' : path.slice(0, slash);
}

/** The fallback source: one ownerless area per top-level directory (and `/` for root files) among `paths`. */
export function buildDirectoryLayer(paths: readonly string[]): AreaLayer {
  const names = [...new Set(paths.map(topLevelAreaOf))].sort();
  const areas: Area[] = names.map((name) => ({
    name,
    source: 'directory',
    owners: [],
    approvers: [],
    reviewers: [],
    labels: [],
    definedBy: [name === '/' ? '/*' : `/${name}/`],
  }));
  return { areas, resolve: (path) => ({ areas: [topLevelAreaOf(path)], owners: [] }) };
}
