import type { LoadedAreaModel } from '../areas/load-area-model.js';
import type { FallacyWatchConfig } from '../config/config-schema.js';
import { createEmptyActivity } from '../core/create-empty-activity.js';
import type { RepositoryActivity, RepositoryRecord } from '../core/records.js';
import type { Window } from '../metrics/types.js';
import { type BuiltReport, buildReport, resolveReportWindow } from '../report/build-report.js';
import { ownerLoginsOf } from '../report/load-report-activity.js';
import type { SupplyChainFinding } from '../supply-chain/types.js';

/**
 * What building a repository report reads, each a narrow port the caller wires to where it lives: the store and
 * GitHub (the App, the Action), a store and a checkout (the CLI), a store and an in-memory checkout (the demo).
 */
export interface RepositoryReportSources {
  /**
   * The activity a report over `window` needs; `undefined` when the store holds nothing of the repository. `owners`:
   * the area owners' logins, whose last activity a stale-owner finding shows (`loadReportActivity` asks the store).
   */
  readActivity(window: Window, owners: readonly string[]): Promise<RepositoryActivity | undefined>;
  /** The areas (and tracked paths) of the default branch under `config`; `null`: label areas only, owners metrics `null`. */
  readAreas(config: FallacyWatchConfig): Promise<LoadedAreaModel | null>;
  /** Supply-chain findings of the default branch; absent or `null`: not analysed. */
  readSupplyChain?(): Promise<SupplyChainFinding[] | null>;
}

export interface BuildRepositoryReportInput {
  /** The repository, for an empty report when the store holds nothing of it yet. */
  repository: Pick<RepositoryRecord, 'installationId' | 'repoId' | 'fullName' | 'defaultBranch'>;
  config: FallacyWatchConfig;
  /** The end of the window (exclusive) and the report's "now". */
  to: Date;
  /** The start of the window; default `to` minus `config.windowDays`. */
  from?: Date;
}

/** The report, and what it was built from (the digest's trend and the CLI's checks read the activity). */
export interface RepositoryReport extends BuiltReport {
  activity: RepositoryActivity;
  areas: LoadedAreaModel | null;
  window: Window;
}

/**
 * The one use case "build a repository report": config → areas (the area model of the default branch) → supply
 * chain → activity from the store over the report's window → {@link buildReport}. The check run, the weekly
 * digest, `fallacy-watch report`, the Action and the demo all build their report here.
 */
export async function buildRepositoryReport(sources: RepositoryReportSources, input: BuildRepositoryReportInput): Promise<RepositoryReport> {
  const { config, to, from } = input;
  const areas = await sources.readAreas(config);
  const supplyChain = sources.readSupplyChain ? await sources.readSupplyChain() : null;
  const window = resolveReportWindow(config, to, from);
  const activity = (await sources.readActivity(window, ownerLoginsOf(areas?.model))) ?? createEmptyActivity(input.repository);
  const built = buildReport({
    activity,
    config,
    to,
    ...(from ? { from } : {}),
    areaModel: areas?.model ?? null,
    paths: areas?.paths ?? null,
    supplyChain,
  });
  return { ...built, activity, areas, window };
}
