/** A problem with `.github/fallacy-watch.yml`, shown to the user (check run, CLI) with the key it is about. */
export interface ConfigProblem {
  /** Key path, e.g. `rules.feedback-loops-are-tight.maxFirstReviewHours` or `suppress[2].reason`; `''` for the file. */
  path: string;
  message: string;
  /** 1-based line in the file, when the problem came from YAML text. */
  line?: number;
}

/** The effective config and what was wrong with the input; with errors, the offending keys fell back to defaults. */
export interface ConfigValidation<Config> {
  config: Config;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

/** A key path as zod reports it. */
export type KeyPath = readonly PropertyKey[];

/** `['suppress', 2, 'reason']` → `suppress[2].reason`. */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? String(segment) : `${text}.${String(segment)}`;
  }, '');
}
