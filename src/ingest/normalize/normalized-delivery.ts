import type { RecordBatch } from '../record-batch.js';

/** What a delivery means for the store. */
export type NormalizedDelivery =
  | { type: 'records'; installationId: number; repositoryIds: number[]; batch: RecordBatch }
  | { type: 'purge-installation'; installationId: number }
  | { type: 'purge-repositories'; installationId: number; repositoryIds: number[] }
  | { type: 'ignored'; reason: string };
