/** Where GitHub looks for CODEOWNERS, in the order it looks: the first that exists is used, the others ignored. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** The CODEOWNERS file GitHub uses among `paths` (`.github/`, then the root, then `docs/`), or `null`. */
export function locateCodeownersFile(paths: Iterable<string> | ReadonlySet<string>): string | null {
  const present = paths instanceof Set ? (paths as ReadonlySet<string>) : new Set(paths);
  return CODEOWNERS_LOCATIONS.find((location) => present.has(location)) ?? null;
}
