import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { ingestDelivery, type IngestOutcome } from '../../ingest/ingest-delivery.js';
import { CliError } from '../cli-error.js';
import { DATABASE_OPTION, withCliStore } from '../open-cli-store.js';
import type { RegisterCommand } from './index.js';

/** Counts by outcome, as `replay` prints them. */
export type ReplayCounts = Record<IngestOutcome, number>;

/**
 * `fallacy-watch replay <deliveries.jsonl>`: feeds recorded deliveries (`{ "id", "name", "payload" }` a line) through
 * the same ingest the webhook handler uses, offline, and prints how many were new, duplicates, skipped and failed.
 * A line that is not a delivery counts as failed and is reported with its line number on stderr; any failure makes
 * the exit code 1.
 */
export const registerReplayCommand: RegisterCommand = (program) => {
  program
    .command('replay')
    .description('ingest recorded webhook deliveries (JSON Lines) into the store, offline')
    .argument('<deliveries.jsonl>', 'one {"id","name","payload"} delivery per line')
    .option(...DATABASE_OPTION)
    .option('--json', 'print the counts as JSON')
    .action(async (file: string, options: { database?: string; json?: boolean }) => {
      const isFile = (() => {
        try {
          return statSync(file).isFile();
        } catch {
          return false;
        }
      })();
      if (!isFile) throw new CliError(`replay: no such file: ${file}`);
      const counts = await withCliStore(options.database, {}, (store) => replayFile(store, file));
      if (options.json) console.log(JSON.stringify(counts));
      else console.log(`new: ${counts.new}, duplicates: ${counts.duplicate}, skipped: ${counts.skipped}, failed: ${counts.failed}`);
      if (counts.failed > 0) throw new CliError(`replay: ${counts.failed} of ${counts.new + counts.duplicate + counts.skipped + counts.failed} deliveries failed (reasons above)`);
    });
};

async function replayFile(store: Parameters<typeof ingestDelivery>[0], file: string): Promise<ReplayCounts> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const counts: ReplayCounts = { new: 0, duplicate: 0, skipped: 0, failed: 0 };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const delivery = parseDeliveryLine(line);
    if (typeof delivery === 'string') {
      console.error(`${file}:${lineNumber}: ${delivery}`);
      counts.failed += 1;
      continue;
    }
    const result = await ingestDelivery(store, delivery, log, new Date());
    counts[result.outcome] += 1;
  }
  return counts;
}

/** A delivery, or the reason the line is not one. */
function parseDeliveryLine(line: string): { id: string; name: string; payload: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  const { id, name, payload } = (value ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return 'missing "id" (the X-GitHub-Delivery id)';
  if (typeof name !== 'string' || name === '') return 'missing "name" (the X-GitHub-Event name)';
  if (typeof payload !== 'object' || payload === null) return 'missing "payload" object';
  return { id, name, payload };
}
