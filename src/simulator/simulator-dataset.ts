/** A repository the simulator serves. */
export interface SimulatedRepository {
  id: number;
  /** `owner/name`. */
  fullName: string;
  defaultBranch: string;
  private?: boolean;
  archived?: boolean;
  fork?: boolean;
  /** Files at the default branch head, by path (CODEOWNERS, OWNERS, workflows…). */
  files?: Record<string, string>;
  /** Changed files of pull requests, by PR number. */
  pullFiles?: Record<number, Array<{ filename: string; status?: string; additions?: number; deletions?: number; patch?: string }>>;
}

export interface SimulatedInstallation {
  id: number;
  account: string;
  repositories: SimulatedRepository[];
}

/** What the simulator knows before any request: the app's installations and their repositories. */
export interface SimulatorDataset {
  installations: SimulatedInstallation[];
  /** Starting points per installation per hour (default 5 000). */
  rateLimit?: number;
  /** The app's id and slug, on what it writes (`app` on check runs, `performed_via_github_app` on issues and comments; default 1, `fallacy-watch`). */
  app?: { id: number; slug: string };
}

/** The app the simulator answers for when the dataset names none. */
export const DEFAULT_SIMULATED_APP = { id: 1, slug: 'fallacy-watch' } as const;

/** The head commit the simulator reports for every default branch. */
export const HEAD_SHA = '0000000000000000000000000000000000c0ffee';
