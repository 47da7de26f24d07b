import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { IssueRecord, PullRequestAuthorHistory, PullRequestRecord } from '../core/records.js';
import type { RecordBatch } from '../ingest/record-batch.js';
import type { ArrayRowReader } from './array-row-readers.js';
import type { Database } from './database.js';
import { type ChildTable, columnList, compareText, type ReadContext, readFiles, readRecords } from './read-activity.js';
import { readFirstPullRequests } from './read-first-pull-requests.js';
import { type CurrentFields, type HeldKey, type IssueKey, type PullRequestKey, readIssueKeys, readPullRequestKeys } from './read-activity-item-keys.js';
import { chunksOf } from './read-history.js';
import { type NarrowReadSource, readChildRows } from './read-narrow-activity.js';
import type { ActivityItemKeys } from './store.js';

/** Repositories whose rows one process keeps (least recently read dropped first). */
export const MIRRORED_REPOSITORIES = 8;

/** The keys of the items current from `since` (with `recent` the milestones open since), kept as items change. */
interface MirroredKeys {
  since: string;
  recent: ReadonlySet<number>;
  pullRequests: Map<number, PullRequestKey>;
  issues: Map<number, IssueKey>;
  /** Items written since the keys were read (PR or issue numbers): read again before the next answer. */
  changed: Set<number>;
}

/** One repository's rows as the database holds them, each read once and dropped when the store writes its item. */
interface RepositoryMirror {
  /** Counts the writes told: rows read while one happened are used by that read but not kept. */
  generation: number;
  keys: MirroredKeys | null;
  /** `null`: no such row. */
  pullRequests: Map<number, PullRequestRecord | null>;
  issues: Map<number, IssueRecord | null>;
  /** Per child table, side and condition: every row of each item read. */
  children: Map<string, Map<number, unknown[]>>;
  /** `null`: no files saved. */
  files: Map<number, { prNumber: number; paths: string[] } | null>;
  /** Per question (how many, drafts or not): each author's earliest PRs; `null`: none stored. */
  firstPullRequests: Map<string, Map<string, PullRequestAuthorHistory | null>>;
}

/** Whether an item is one a read from `since` holds: open, updated or closed since, or in a milestone open since. */
export function isCurrentItem(item: CurrentFields, since: string, recent: ReadonlySet<number>): boolean {
  return (
    item.state === 'open' ||
    item.updatedAt >= since ||
    (item.closedAt !== null && item.closedAt >= since) ||
    (item.milestoneNumber !== null && recent.has(item.milestoneNumber))
  );
}

/**
 * The rows a PR check run reads of a repository, kept in memory between check runs of one process: a busy
 * repository's check runs read the same thousands of items, and between two of them the store wrote a few. The store
 * tells the mirror what each write touches (`forget`): the rows of those items are read again, the rest is answered
 * from memory, so every answer is what the database holds now. Writes by another connection to the same SQLite file
 * (a CLI backfill beside the app) are seen through `PRAGMA data_version`, which changes when another connection commits:
 * everything is dropped then. For SQLite only: with PostgreSQL other processes write (queue workers) and no such
 * counter exists, so reads go to the database.
 */
export class ActivityMirror {
  private readonly repositories = new Map<string, RepositoryMirror>();
  private seenVersion: number | null = null;

  constructor(
    /** Compiles child tables' conditions into the keys rows are kept under. */
    private readonly db: Kysely<Database>,
    /** `PRAGMA data_version` of the store's connection. */
    private readonly dataVersion: () => number,
    private readonly maxRepositories = MIRRORED_REPOSITORIES,
  ) {}

  /** The items a batch writes (and their children's items): read again next time; a deletion drops the repository. */
  forget(batch: RecordBatch): void {
    const touched = new Map<number, { pullRequests: number[]; issues: number[] }>();
    const of = (repoId: number) => {
      let entry = touched.get(repoId);
      if (!entry) touched.set(repoId, (entry = { pullRequests: [], issues: [] }));
      return entry;
    };
    for (const pr of batch.pullRequests) of(pr.repoId).pullRequests.push(pr.number);
    for (const review of batch.reviews) of(review.repoId).pullRequests.push(review.prNumber);
    for (const comment of batch.comments) of(comment.repoId)[comment.onPullRequest ? 'pullRequests' : 'issues'].push(comment.itemNumber);
    for (const event of batch.events) of(event.repoId)[event.itemKind === 'pr' ? 'pullRequests' : 'issues'].push(event.itemNumber);
    for (const issue of batch.issues) of(issue.repoId).issues.push(issue.number);
    for (const [repoId, items] of touched) this.forgetItems(batch.installationId, repoId, items);
    for (const pr of batch.pullRequests) this.forgetAuthors(batch.installationId, pr.repoId, [pr.author]);
    for (const stone of batch.tombstones) this.dropRepository(batch.installationId, stone.repoId);
  }

  /** These items of a repository: read again next time. */
  forgetItems(installationId: number, repoId: number, items: { pullRequests: readonly number[]; issues: readonly number[] }): void {
    const mirror = this.repositories.get(keyOf(installationId, repoId));
    if (!mirror) return;
    mirror.generation += 1;
    // A number is a PR or an issue: both sides are dropped, whichever the write named.
    for (const number of [...items.pullRequests, ...items.issues]) {
      mirror.pullRequests.delete(number);
      mirror.issues.delete(number);
      mirror.files.delete(number);
      for (const rows of mirror.children.values()) rows.delete(number);
      mirror.keys?.changed.add(number);
    }
  }

  /** These authors' earliest PRs (a PR of theirs stored, a first PR found on GitHub): read again next time. */
  forgetAuthors(installationId: number, repoId: number, authors: readonly string[]): void {
    const mirror = this.repositories.get(keyOf(installationId, repoId));
    if (!mirror) return;
    mirror.generation += 1;
    for (const byAuthor of mirror.firstPullRequests.values()) for (const author of authors) byAuthor.delete(author);
  }

  dropRepository(installationId: number, repoId: number): void {
    this.repositories.delete(keyOf(installationId, repoId));
  }

  dropInstallation(installationId: number): void {
    for (const key of [...this.repositories.keys()]) if (key.startsWith(`${installationId}/`)) this.repositories.delete(key);
  }

  clear(): void {
    this.repositories.clear();
  }

  /** The keys of the items current from `since` ({@link ActivityItemKeys}), as `readItemKeys` reads them. */
  async readKeys(context: ReadContext, installationId: number, since: string, recent: ReadonlySet<number>): Promise<ActivityItemKeys> {
    const mirror = this.mirrorOf(installationId, context.repoId);
    const keys = await this.currentKeys(context, mirror, since, recent);
    const pullRequests = currentKeysOf(keys.pullRequests, since, recent);
    return {
      pullRequests,
      issues: currentKeysOf(keys.issues, since, recent),
      pullRequestFiles: await this.filesOf(context, mirror, pullRequests.map((pr) => pr.number)),
    };
  }

  /** A narrow read's rows from memory, reading from the database what is not there (see `NarrowReadSource`). */
  sourceFor(context: ReadContext, installationId: number, since: string, recent: ReadonlySet<number>): NarrowReadSource {
    const mirror = this.mirrorOf(installationId, context.repoId);
    const children = async <R>(child: ChildTable<R>, pullRequests: boolean, numbers: readonly number[], keep: (record: R, itemNumber: number) => boolean) => {
      const cache = this.childCache(mirror, child as ChildTable<unknown>, pullRequests) as Map<number, R[]>;
      // Held before any read: a write told meanwhile drops the cache's rows, not this read's.
      const held = numbers.map((number) => cache.get(number));
      const missing = numbers.filter((_, i) => held[i] === undefined);
      if (missing.length > 0) {
        const generation = mirror.generation;
        const read = new Map<number, R[]>(missing.map((number) => [number, []]));
        for (const row of await readChildRows(context, child, pullRequests, missing)) read.get(row.itemNumber)!.push(row.record);
        numbers.forEach((number, i) => (held[i] ??= read.get(number)));
        if (mirror.generation === generation) for (const [number, rows] of read) cache.set(number, rows);
      }
      const records: R[] = [];
      for (let i = 0; i < numbers.length; i += 1) for (const record of held[i]!) if (keep(record, numbers[i]!)) records.push(record);
      return records;
    };
    return {
      items: async <R extends { number: number }>(table: 'pull_requests' | 'issues', reader: ArrayRowReader<R>, numbers: readonly number[]) => {
        const cache = (table === 'pull_requests' ? mirror.pullRequests : mirror.issues) as unknown as Map<number, (R & CurrentFields) | null>;
        const held = numbers.map((number) => cache.get(number));
        const missing = numbers.filter((_, i) => held[i] === undefined);
        if (missing.length > 0) {
          const generation = mirror.generation;
          const read = new Map<number, (R & CurrentFields) | null>(missing.map((number) => [number, null]));
          for (const chunk of chunksOf(missing)) {
            const records = await readRecords(
              context,
              reader as unknown as ArrayRowReader<R & CurrentFields>,
              sql`SELECT ${columnList(context, reader as ArrayRowReader<unknown>)} FROM ${sql.table(table)} WHERE ${context.inRepo} AND number IN (${sql.join(chunk)})`,
            );
            for (const record of records) read.set(record.number, record);
          }
          numbers.forEach((number, i) => {
            if (held[i] === undefined) held[i] = read.get(number)!;
          });
          if (mirror.generation === generation) for (const [number, record] of read) cache.set(number, record);
        }
        const records: R[] = [];
        for (const record of held) {
          // An issue's `closedBy` is set on each read: every read gets its own copy.
          if (record && isCurrentItem(record, since, recent)) records.push(table === 'issues' ? { ...record } : record);
        }
        return records;
      },
      children,
      recentChildren: async (child, numbers, from, rows) => {
        return children(child, true, [...numbers].sort((a, b) => a - b), (record) => {
          const at = child.timeOf(record);
          return at !== null && at >= from && rows.keep(record);
        });
      },
      files: (numbers) => this.filesOf(context, mirror, numbers),
      firstPullRequests: async (authors, question) => {
        const key = `${question.perAuthor}:${question.includeDrafts}`;
        let cache = mirror.firstPullRequests.get(key);
        if (!cache) mirror.firstPullRequests.set(key, (cache = new Map()));
        const wanted = [...new Set(authors)].sort(compareText);
        const held = wanted.map((author) => cache.get(author));
        const missing = wanted.filter((_, i) => held[i] === undefined);
        if (missing.length > 0) {
          const generation = mirror.generation;
          const read = new Map<string, PullRequestAuthorHistory | null>(missing.map((author) => [author, null]));
          for (const entry of await readFirstPullRequests(context.db, context.inRepo, missing, question)) read.set(entry.author, entry);
          wanted.forEach((author, i) => {
            if (held[i] === undefined) held[i] = read.get(author)!;
          });
          if (mirror.generation === generation) for (const [author, entry] of read) cache.set(author, entry);
        }
        return held.filter((entry): entry is PullRequestAuthorHistory => entry !== null && entry !== undefined);
      },
    };
  }

  /** Drops everything when another connection has committed since the last look. */
  private checkVersion(): void {
    const version = this.dataVersion();
    if (this.seenVersion !== null && version !== this.seenVersion) this.repositories.clear();
    this.seenVersion = version;
  }

  private mirrorOf(installationId: number, repoId: number): RepositoryMirror {
    this.checkVersion();
    const key = keyOf(installationId, repoId);
    let mirror = this.repositories.get(key);
    if (mirror) this.repositories.delete(key);
    else mirror = { generation: 0, keys: null, pullRequests: new Map(), issues: new Map(), children: new Map(), files: new Map(), firstPullRequests: new Map() };
    this.repositories.set(key, mirror);
    while (this.repositories.size > this.maxRepositories) this.repositories.delete(this.repositories.keys().next().value!);
    return mirror;
  }

  private childCache(mirror: RepositoryMirror, child: ChildTable<unknown>, pullRequests: boolean): Map<number, unknown[]> {
    const where = child.where.compile(this.db);
    const key = `${child.table}:${pullRequests}:${where.sql}:${JSON.stringify(where.parameters)}`;
    let cache = mirror.children.get(key);
    if (!cache) mirror.children.set(key, (cache = new Map()));
    return cache;
  }

  /** The keys current from `since`, read whole when the mirrored ones cannot tell (an earlier horizon, a milestone reopened). */
  private async currentKeys(context: ReadContext, mirror: RepositoryMirror, since: string, recent: ReadonlySet<number>): Promise<MirroredKeys> {
    const held = mirror.keys;
    if (held && since >= held.since && [...recent].every((number) => held.recent.has(number))) {
      // Taken before reading: a write told while the rows are read leaves its items for the next answer.
      const changed = [...held.changed].sort((a, b) => a - b);
      held.changed.clear();
      if (changed.length > 0) {
        const pullRequests: PullRequestKey[] = [];
        const issues: IssueKey[] = [];
        for (const chunk of chunksOf(changed)) {
          const numbers = sql<SqlBool>`number IN (${sql.join(chunk)})`;
          pullRequests.push(...(await readPullRequestKeys(context, numbers)));
          issues.push(...(await readIssueKeys(context, numbers)));
        }
        // Applied at once, after the reads: a read meanwhile sees the keys as they were.
        for (const number of changed) {
          held.pullRequests.delete(number);
          held.issues.delete(number);
        }
        for (const entry of pullRequests) if (isCurrentItem(entry.current, held.since, held.recent)) held.pullRequests.set(entry.key.number, entry);
        for (const entry of issues) if (isCurrentItem(entry.current, held.since, held.recent)) held.issues.set(entry.key.number, entry);
      }
      return held;
    }
    const current = currentCondition(since, recent);
    const generation = mirror.generation;
    const [pullRequests, issues] = await Promise.all([readPullRequestKeys(context, current), readIssueKeys(context, current)]);
    const keys: MirroredKeys = {
      since,
      recent: new Set(recent),
      pullRequests: new Map(pullRequests.map((held) => [held.key.number, held])),
      issues: new Map(issues.map((held) => [held.key.number, held])),
      changed: new Set(),
    };
    // Keys read while a write was told may miss it: used for this answer, not kept.
    mirror.keys = mirror.generation === generation ? keys : null;
    return keys;
  }

  private async filesOf(context: ReadContext, mirror: RepositoryMirror, numbers: readonly number[]): Promise<Array<{ prNumber: number; paths: string[] }>> {
    const missing = numbers.filter((number) => !mirror.files.has(number));
    let read: Map<number, { prNumber: number; paths: string[] } | null> | null = null;
    if (missing.length > 0) {
      const generation = mirror.generation;
      read = new Map(missing.map((number) => [number, null]));
      for (const row of await readFiles(context.db, context.inRepo, missing)) read.set(row.pr_number, { prNumber: row.pr_number, paths: JSON.parse(row.paths) as string[] });
      if (mirror.generation === generation) for (const [number, entry] of read) mirror.files.set(number, entry);
    }
    const files: Array<{ prNumber: number; paths: string[] }> = [];
    for (const number of numbers) {
      const entry = read?.has(number) ? read.get(number) : mirror.files.get(number);
      if (entry) files.push(entry);
    }
    return files;
  }
}

/** The held keys current from `since`, in number order. */
function currentKeysOf<K extends { number: number }>(held: ReadonlyMap<number, HeldKey<K>>, since: string, recent: ReadonlySet<number>): K[] {
  const keys: K[] = [];
  for (const entry of held.values()) if (isCurrentItem(entry.current, since, recent)) keys.push(entry.key);
  return keys.sort((a, b) => a.number - b.number);
}

function keyOf(installationId: number, repoId: number): string {
  return `${installationId}/${repoId}`;
}

/** `selectCurrentItems` for a known set of recent milestones. */
function currentCondition(since: string, recent: ReadonlySet<number>): RawBuilder<SqlBool> {
  const inRecentMilestone = recent.size === 0 ? sql`` : sql` OR milestone_number IN (${sql.join([...recent])})`;
  return sql<SqlBool>`(state = 'open' OR updated_at >= ${since} OR closed_at >= ${since}${inRecentMilestone})`;
}
