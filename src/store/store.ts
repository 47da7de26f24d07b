import type { RepositoryActivity, RepositoryRecord } from '../core/records.js';
import type { RecordBatch } from '../ingest/record-batch.js';

export type DeliveryStatus = 'pending' | 'processed' | 'skipped' | 'failed';

/** A webhook delivery as received (`X-GitHub-Delivery`, `X-GitHub-Event`, the parsed body). */
export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

export interface StoredDelivery extends Delivery {
  status: DeliveryStatus;
  receivedAt: string;
  error: string | null;
}

/** `new`, or a `duplicate` of a delivery already recorded with the given status. */
export type RecordDeliveryResult = { outcome: 'new' } | { outcome: 'duplicate'; status: DeliveryStatus };

/**
 * The durable store: one interface, two backends (SQLite embedded, PostgreSQL) behind kysely. Reads of records take
 * an installation id and never return another installation's rows.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Applies pending migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Records a delivery before it is processed (so a crash loses nothing); a known id is a duplicate. */
  recordDelivery(delivery: Delivery, receivedAt: string): Promise<RecordDeliveryResult>;
  finishDelivery(id: string, status: Exclude<DeliveryStatus, 'pending'>, error?: string): Promise<void>;
  /** Deliveries recorded but never finished, oldest first. */
  listPendingDeliveries(limit: number): Promise<StoredDelivery[]>;
  getDelivery(id: string): Promise<StoredDelivery | undefined>;

  /** Merges a batch of records in one transaction. Commutative and idempotent. */
  applyBatch(batch: RecordBatch): Promise<void>;
  /** Removes every record of an installation and blanks its stored payloads (delivery ids stay, for de-duplication). */
  purgeInstallation(installationId: number): Promise<void>;
  purgeRepositories(installationId: number, repoIds: readonly number[]): Promise<void>;

  /** Repositories named `owner/name`, across installations (for operators' CLI commands). */
  findRepositories(fullName: string): Promise<RepositoryRecord[]>;
  listRepositories(installationId: number): Promise<RepositoryRecord[]>;
  /** Everything known about one repository of one installation. */
  loadActivity(installationId: number, repoId: number): Promise<RepositoryActivity | undefined>;
  savePullRequestFiles(
    installationId: number,
    repoId: number,
    prNumber: number,
    headSha: string,
    paths: readonly string[],
  ): Promise<void>;
}
