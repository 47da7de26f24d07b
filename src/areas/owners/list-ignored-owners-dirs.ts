/** Directories prow never reads OWNERS from unless `ignore_preconfigured_defaults` is set. */
export const PRECONFIGURED_OWNERS_DIR_DENYLIST = ['\\.git$', '_output$', 'vendor/.*/.*'] as const;

/** prow's `owners_dir_denylist` config. Values are regexps matched (unanchored) against repo-relative directories. */
export interface OwnersDirDenylist {
  default?: string[];
  /** Keyed by `org` or `org/repo`. */
  repos?: Record<string, string[]>;
  ignorePreconfiguredDefaults?: boolean;
}

/** prow's `ListIgnoredDirs`: the default list, the org's, the repo's, then the preconfigured ones. */
export function listIgnoredOwnersDirs(denylist: OwnersDirDenylist, org = '', repo = ''): string[] {
  return [
    ...(denylist.default ?? []),
    ...(denylist.repos?.[org] ?? []),
    ...(denylist.repos?.[`${org}/${repo}`] ?? []),
    ...(denylist.ignorePreconfiguredDefaults ? [] : PRECONFIGURED_OWNERS_DIR_DENYLIST),
  ];
}
