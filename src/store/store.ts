import type { AuthorFirstPullRequest, RepositoryActivity, RepositoryRecord, TimelineEventKind } from '../core/records.js';
import type { HistoryQuestions } from '../core/history-questions.js';
import type { RecordBatch } from '../ingest/record-batch.js';

/**
 * `failed`: its payload can never be normalized; `dead`: it used every attempt at processing (a dead letter). Both
 * keep their payload and reason until an operator retries them ({@link Store.retryDelivery}).
 */
export type DeliveryStatus = 'pending' | 'processed' | 'skipped' | 'failed' | 'dead';

/** A webhook delivery as received (`X-GitHub-Delivery`, `X-GitHub-Event`, the parsed body). */
export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

export interface ApplyBatchOptions {
  /** The id of the delivery to finish as `processed` with the batch. */
  finishDelivery?: string;
}

/** One PR's changed paths as read at its head commit `headSha` ({@link Store.savePullRequestFilesBatch}). */
export interface PullRequestFiles {
  prNumber: number;
  headSha: string;
  paths: readonly string[];
}

/** What {@link Store.applyBatch} stored: `skipped` says why nothing was (uninstalled, or every repository removed). */
export interface ApplyBatchResult {
  skipped?: string;
}

export interface StoredDelivery extends Delivery {
  status: DeliveryStatus;
  receivedAt: string;
  /** The reason it failed (its last failure while pending). */
  error: string | null;
  /** Attempts at processing it so far. */
  attempts: number;
}

/** A read of everything: every record of the repository (`history` absent). */
export interface LoadAllActivityOptions {
  since?: undefined;
  /** Read only timeline events of these kinds (all when absent). */
  eventKinds?: Iterable<TimelineEventKind>;
}

/**
 * ISO time `since`: read the items (PRs, issues) open, updated or closed from it on, or in a milestone open since then,
 * with all their children, and other items' reviews, comments and events from it on; plus `history`, the answers to
 * `history` questions about the items left out. Reports pass a horizon beyond their longest look-back, so no metric
 * changes while time and memory stay bounded on repositories with long histories.
 */
export interface LoadActivityFromOptions {
  since: string;
  /** Read only timeline events of these kinds (all when absent). */
  eventKinds?: Iterable<TimelineEventKind>;
  /**
   * What `history` answers: who was active (of the given kinds) in each range (`history.activeLogins`), and each
   * author's earliest PRs (`history.pullRequestAuthors`). The metrics define both (`src/metrics/history-definitions.ts`).
   */
  history: HistoryQuestions;
  /**
   * A narrow read (one pull request's check run) of some of the items `since` selects, and of the history only what
   * they need; see {@link ActivitySelection}.
   */
  only?: ActivitySelection;
  /**
   * Lower-case logins (a report's area owners): of those not active in the requested history range ending at `until`
   * (stale owners), `history.lastActive` gives when each was last active up to then in the whole stored history. A
   * narrow read asks with `only.logins` and `only.lastActiveUntil` instead.
   */
  lastActiveOf?: { logins: readonly string[]; until: string };
}

export type LoadActivityOptions = LoadAllActivityOptions | LoadActivityFromOptions;

/**
 * Which of the items a `since` read selects a narrow read keeps. Items not selected by `since` are never read, so a
 * narrow read is a part of the whole read: every record it returns, the whole read returns too, with the same values.
 */
export interface ActivitySelection {
  /** Read whole: the item and every child the whole read holds (events of the requested kinds), and its files. */
  pullRequests: readonly number[];
  issues: readonly number[];
  /**
   * PRs read for their reviewers only: the record, its files, and its reviews and review-command comments from `since`
   * on (no events, no other comments). What is computed from them must depend on nothing else (who reviewed lately).
   */
  reviewed?: { pullRequests: readonly number[]; since: string };
  /** `history.pullRequestAuthors` lists only these authors (as stored on PRs). */
  authors: readonly string[];
  /**
   * Lower-case logins: `history.activeLogins` lists only these, and `history.lastActive` gives, of those not active in
   * the requested range ending at `lastActiveUntil` (stale owners), when each was last active (a record of the asked
   * activity kinds) up to then in the whole stored history, as a whole read asked with `lastActiveOf` gives it.
   */
  logins: readonly string[];
  lastActiveUntil: string;
}

/** What a `since` read would select, without the records: enough to choose a narrow read's items. */
export interface ActivityItemKeys {
  pullRequests: Array<{ number: number; author: string; state: 'open' | 'closed'; labels: string[]; createdAt: string; updatedAt: string }>;
  issues: Array<{ number: number; labels: string[] }>;
  /** The changed files of those PRs (PRs without saved files are absent). */
  pullRequestFiles: Array<{ prNumber: number; paths: string[] }>;
}

/** `new`, or a `duplicate` of a delivery already recorded with the given status. */
export type RecordDeliveryResult = { outcome: 'new' } | { outcome: 'duplicate'; status: DeliveryStatus };

/** This program's migrations, by name in order: those the database has applied and those it lacks. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

/**
 * The durable store: one interface, two backends (SQLite embedded, PostgreSQL) behind kysely. Reads of records take
 * an installation id and never return another installation's rows.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Applies pending migrations. */
  migrate(): Promise<void>;
  /** Which of this program's migrations the database has and lacks (reads only; creates nothing). */
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;

  /** Records a delivery before it is processed (so a crash loses nothing); a known id is a duplicate. */
  recordDelivery(delivery: Delivery, receivedAt: string): Promise<RecordDeliveryResult>;
  /** Marks a delivery finished; processed and skipped ones drop their payload (failed ones keep it for diagnosis). */
  finishDelivery(id: string, status: Exclude<DeliveryStatus, 'pending'>, error?: string): Promise<void>;
  /** Deliveries recorded but never finished, oldest first. */
  listPendingDeliveries(limit: number): Promise<StoredDelivery[]>;
  getDelivery(id: string): Promise<StoredDelivery | undefined>;
  /**
   * Counts one more attempt at processing a pending delivery and returns it, `attempts` counting this one (one round
   * trip); `undefined` when there is no such delivery or it is no longer pending.
   */
  startDeliveryAttempt(id: string): Promise<StoredDelivery | undefined>;
  /** Keeps why the last attempt at a pending delivery failed (the dead letter's reason if it dies). */
  noteDeliveryFailure(id: string, reason: string): Promise<void>;
  /** Dead letters (`dead`, then `failed`), oldest first, payload left out. */
  listDeadDeliveries(limit: number): Promise<StoredDelivery[]>;
  /** How many deliveries are `dead` and `failed`. */
  countDeadDeliveries(): Promise<{ dead: number; failed: number }>;
  /**
   * Makes a dead or failed delivery pending again with its attempts reset (the queue takes it from there). `false`
   * when there is no such delivery or its payload is gone (its installation was purged).
   */
  retryDelivery(id: string): Promise<boolean>;

  /**
   * Merges a batch of records in one transaction. Commutative and idempotent. Nothing of an uninstalled installation
   * nor of a removed repository ({@link purgeRepositories}) is stored: its records are left out, and when that leaves
   * nothing, the result says why. `finishDelivery`: in the same transaction, the delivery that carried the batch is
   * finished as `processed` (as {@link finishDelivery} would: one commit fewer a delivery); not when nothing was stored.
   */
  applyBatch(batch: RecordBatch, options?: ApplyBatchOptions): Promise<ApplyBatchResult>;
  /**
   * Removes every record of an installation, blanks its stored payloads (delivery ids stay, for de-duplication) and
   * remembers it uninstalled: {@link applyBatch} and {@link savePullRequestFiles} store nothing of it afterwards.
   */
  purgeInstallation(installationId: number, at?: string): Promise<void>;
  /** Whether the installation was uninstalled ({@link purgeInstallation}); GitHub gives a reinstall a new id. */
  isInstallationUninstalled(installationId: number): Promise<boolean>;
  /**
   * Removes every record of the repositories (deselected from the installation), blanks the stored payloads of their
   * deliveries and remembers them removed: {@link applyBatch}, {@link savePullRequestFiles} and
   * {@link saveAuthorFirstPullRequests} store nothing of them until {@link restoreRepositories}.
   */
  purgeRepositories(installationId: number, repoIds: readonly number[], at?: string): Promise<void>;
  /** Forgets that the repositories were removed (added back to the installation): their records are stored again. */
  restoreRepositories(installationId: number, repoIds: readonly number[]): Promise<void>;

  /** Repositories named `owner/name`, across installations (for operators' CLI commands). */
  findRepositories(fullName: string): Promise<RepositoryRecord[]>;
  listRepositories(installationId: number): Promise<RepositoryRecord[]>;
  /** Repositories whose owner (organisation or user) is `owner`, across installations, by installation then name. */
  findRepositoriesOfOwner(owner: string): Promise<RepositoryRecord[]>;
  /** Everything known about one repository of one installation (reviews, comments and events bounded by `since`). */
  loadActivity(installationId: number, repoId: number, options?: LoadActivityOptions): Promise<RepositoryActivity | undefined>;
  /**
   * The keys (numbers, authors, labels, times, files) of the items `loadActivity` with this `since` reads, to choose
   * a narrow read ({@link LoadActivityOptions.only}); `undefined` for an unknown repository.
   */
  loadActivityItemKeys(installationId: number, repoId: number, since: string): Promise<ActivityItemKeys | undefined>;
  savePullRequestFiles(
    installationId: number,
    repoId: number,
    prNumber: number,
    headSha: string,
    paths: readonly string[],
  ): Promise<void>;
  /**
   * What {@link savePullRequestFiles} does for each entry, in order (a PR listed twice keeps its last entry), for many
   * PRs of one repository at once: one check of the exclusions and one multi-row upsert per few hundred PRs in one
   * transaction, instead of two round trips per PR (a backfill page's PRs; the benchmarks' 300,000).
   */
  savePullRequestFilesBatch(installationId: number, repoId: number, files: readonly PullRequestFiles[]): Promise<void>;

  /**
   * Records authors' earliest PRs in the repository as GitHub's search gave them (one search per author, so the
   * history can tell first-time contributors whose earlier PRs predate the store); a later look-up replaces one.
   */
  saveAuthorFirstPullRequests(installationId: number, repoId: number, entries: readonly AuthorFirstPullRequest[]): Promise<void>;

  /** The numbers of the stored open pull requests whose head commit is `headSha`, ascending. */
  findOpenPullRequestsByHead(installationId: number, repoId: number, headSha: string): Promise<number[]>;

  /**
   * The head commit each of `prNumbers` had when its changed paths were saved (PRs without saved paths are absent):
   * a backfill fetches the files of a PR again only when its head moved.
   */
  loadPullRequestFileHeads(installationId: number, repoId: number, prNumbers: readonly number[]): Promise<Map<number, string>>;

  /** Backfill progress of one connection of one repository; `undefined` before its first backfill. */
  getBackfillCheckpoint(installationId: number, repoId: number, connection: string): Promise<BackfillCheckpoint | undefined>;
  /** Replaces the backfill progress of `checkpoint.connection`. */
  saveBackfillCheckpoint(installationId: number, repoId: number, checkpoint: BackfillCheckpoint): Promise<void>;
}

/**
 * Where a backfill of one connection (`pullRequests`, `issues`, `milestones`, `releases`) stands. A run in
 * progress has `runStartedAt`; `cursor` is the end cursor of the last page stored (`null`: start at the first page).
 * `syncedThrough` is the start time of the last completed run: a later run only fetches what changed since.
 */
export interface BackfillCheckpoint {
  connection: string;
  cursor: string | null;
  runStartedAt: string | null;
  /** Items updated before this time end the run in progress. */
  runHorizon: string | null;
  syncedThrough: string | null;
  /**
   * GraphQL ids of nodes read from pages before `cursor` but not stored yet, held back until their follow-up pages
   * (files, long timelines) are answered; a resumed run fetches them again by id. Empty when none.
   */
  pendingNodeIds: string[];
}
