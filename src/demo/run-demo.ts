import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { loadRepositoryConfig } from '../config/load-repository-config.js';
import { createApp } from '../create-app.js';
import { createAreaContextCache } from '../areas/area-context-cache.js';
import { readRepositoryTarget } from '../handlers/handler-dependencies.js';
import { onAnyDelivery } from '../handlers/on-any-delivery.js';
import { renderTerminalSummary } from '../render/index.js';
import type { Report } from '../report/types.js';
import { createConfigSource } from '../schedule/create-config-source.js';
import { publishDigest } from '../application/publish-digest.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { buildDemoCommunity, type DemoCommunity, type DemoCommunityOptions } from './build-demo-community.js';
import { buildDemoReport } from './build-demo-report.js';
import { createDemoGitHub } from './create-demo-github.js';
import { readPublishedOutputs, type PublishedOutputs } from './read-published-outputs.js';
import { writeDemoFiles } from './write-demo-files.js';
import { receiveDelivery } from '../handlers/receive-delivery.js';

export interface RunDemoOptions extends DemoCommunityOptions {
  /** Where the files go; created when missing. Default `demo-output`. */
  outDir?: string;
  /** Also write every delivery of the sample community as `replay` JSON Lines (`{ "id", "name", "payload" }`) here. */
  deliveriesFile?: string;
  /** Keep the demo's store at this URL (`sqlite:<path>` or `postgres://…`) instead of a throwaway SQLite file. */
  databaseUrl?: string;
}

export interface DemoRun {
  community: DemoCommunity;
  /** What the app wrote to (the stand-in for) GitHub. */
  published: PublishedOutputs;
  /** The repository report with the digest's inputs, for the terminal summary and `report.json`. */
  report: Report;
  terminalSummary: string;
  /** Absolute paths of the files written. */
  files: string[];
  ingested: { deliveries: number; failed: number };
  /** API requests of the app that the offline stand-in could not answer (it answered 404). */
  unanswered: string[];
}

const silentLog = pino({ level: 'silent' });

/**
 * The first-run demo. Builds the sample community; ingests its history through the app's webhook handler
 * (`onAnyDelivery`) into a fresh embedded SQLite store in a temporary directory; then sends the showcase PR's last
 * delivery (`pull_request.synchronize`) through the whole app (`createApp` + `probot.receive`) and runs the weekly
 * digest job (`publishDigest`), with GitHub's API answered offline by {@link createDemoGitHub}. The check run, PR
 * comment and digest issue are read from the writes the app made, and written to `outDir` as markdown and HTML.
 */
export async function runDemo(options: RunDemoOptions = {}): Promise<DemoRun> {
  const community = buildDemoCommunity(options);
  if (options.deliveriesFile) await writeDeliveriesFile(resolve(options.deliveriesFile), community);
  const workDir = await mkdtemp(join(tmpdir(), 'fallacy-watch-demo-'));
  const store = await openStore(options.databaseUrl ?? `sqlite:${join(workDir, 'demo.db')}`);
  try {
    const failed = await ingestHistory(store, community);
    const github = createDemoGitHub(community);
    const now = () => community.end;
    const probot = new Probot({ appId: 1, privateKey: createThrowawayKey(), secret: 'demo', Octokit: offlineOctokit(github.fetch), log: silentLog });
    await probot.load(createApp({ store, now }));
    const showcase = community.deliveries.find((d) => d.id === community.showcase.deliveryId)!;
    await receiveDelivery(probot, showcase);

    const octokit = await probot.auth(community.installationId);
    const target = readRepositoryTarget(showcase.payload)!;
    const { config } = await loadRepositoryConfig(createConfigSource(octokit, target.owner, target.repo, silentLog));
    await publishDigest({ store, now, areas: createAreaContextCache() }, { octokit, target, config, log: silentLog });

    const published = readPublishedOutputs(github.writes, community.showcase.number);
    if (!published.checkRun || !published.digest) {
      throw new Error(`the app published no ${published.checkRun ? 'digest' : 'check run'}; unanswered requests: ${github.unanswered.join(', ') || 'none'}`);
    }
    const report = await buildDemoReport({ store, repository: target, checkout: community.checkout, now: community.end, config });
    const files = await writeDemoFiles(resolve(options.outDir ?? 'demo-output'), community, published, report);
    return { community, published, report, terminalSummary: renderTerminalSummary(report), files, ingested: { deliveries: community.deliveries.length, failed }, unanswered: github.unanswered };
  } finally {
    await store.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The sample community's deliveries, in the order GitHub would send them, one `replay` line each. */
async function writeDeliveriesFile(path: string, community: DemoCommunity): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const lines = community.deliveries.map(({ id, name, payload }) => JSON.stringify({ id, name, payload }));
  await writeFile(path, `${lines.join('\n')}\n`, 'utf8');
}

/**
 * Every delivery but the showcase's, through the app's ingest handler at the time GitHub would have sent it, plus
 * each PR's changed files (the app saves them when it publishes a PR's check; history predates the app). Returns
 * how many deliveries failed.
 */
async function ingestHistory(store: Store, community: DemoCommunity): Promise<number> {
  let failed = 0;
  for (const delivery of community.deliveries) {
    if (delivery.id === community.showcase.deliveryId) continue;
    const at = deliveryTime(delivery.payload) ?? community.end;
    const result = await onAnyDelivery(store, { ...delivery, log: silentLog }, () => at);
    if (result.outcome === 'failed') failed += 1;
  }
  const { installationId, repository } = community;
  for (const [number, { headSha, paths }] of community.pullRequestFiles) {
    await store.savePullRequestFiles(installationId, repository.id, number, headSha, paths);
  }
  return failed;
}

/** Probot's Octokit over the demo's `fetch`, without retries or throttling (nothing here is rate limited). */
function offlineOctokit(fetch: ReturnType<typeof createDemoGitHub>['fetch']): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...(options.throttle as object), enabled: false },
    request: { ...(options.request as object), fetch },
  }));
}

function createThrowawayKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** When GitHub would have sent the delivery: the timestamp of what it reports. */
function deliveryTime(payload: unknown): Date | null {
  const p = payload as Record<string, { updated_at?: string; submitted_at?: string; created_at?: string; published_at?: string } | undefined>;
  const stamp = p.review?.submitted_at ?? p.comment?.created_at ?? p.pull_request?.updated_at ?? p.issue?.updated_at ?? p.milestone?.updated_at ?? p.release?.published_at;
  return stamp ? new Date(stamp) : null;
}
