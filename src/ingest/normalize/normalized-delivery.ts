import type { RecordBatch } from '../record-batch.js';

/** What a delivery means for the store. */
export type NormalizedDelivery =
  | { type: 'records'; installationId: number; repositoryIds: number[]; batch: RecordBatch }
  | { type: 'purge-installation'; installationId: number }
  | { type: 'purge-repositories'; installationId: number; repositoryIds: number[] }
  /** Repositories added to an installation: remembered as live again (a removal is forgotten), then registered. */
  | { type: 'add-repositories'; installationId: number; repositoryIds: number[]; batch: RecordBatch }
  | { type: 'ignored'; reason: string };
