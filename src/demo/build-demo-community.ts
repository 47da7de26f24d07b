import type { Delivery } from '../store/store.js';
import { type Random, seededRandom } from '../sample/seeded-random.js';
import { buildDemoCheckout, type DemoArea, type DemoCheckout } from './build-demo-checkout.js';
import { createDeliveryWriter, type DemoActor, type DemoPullRequest, type DeliveryWriter } from './create-delivery-writer.js';
import { AREA_BEHAVIOUR, type AreaBehaviour, type Cast, createCast, DEPENDABOT, OVERLOADED_REVIEWER, TRIAGE_BOT } from './create-cast.js';
import { addStoryline } from './add-storyline.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoCommunityOptions {
  seed?: number;
  /** The moment the demo describes (exclusive end of the data); default 2026-11-23T00:00:00Z, a Monday. */
  end?: Date;
  /** Days of history before `end`; default 182 (six months). */
  days?: number;
  /** PRs opened a week on average; default 14. */
  prsPerWeek?: number;
}

/** The pull request the demo's check run and PR comment are about. */
export interface DemoShowcase {
  number: number;
  author: string;
  headSha: string;
  files: string[];
  requestedReviewers: string[];
  /** The `pull_request.synchronize` delivery (the author's fix after review) the demo sends through the whole app. */
  deliveryId: string;
}

/** A sample community: its repository, the deliveries GitHub would have sent, and what the API would answer. */
export interface DemoCommunity {
  installationId: number;
  repository: { id: number; fullName: string; defaultBranch: string };
  end: Date;
  deliveries: Delivery[];
  checkout: DemoCheckout;
  /** Changed files by PR number (what `GET /pulls/{n}/files` answers). */
  pullRequestFiles: Map<number, { headSha: string; paths: string[] }>;
  showcase: DemoShowcase;
}

/** The helpers the storyline and the background traffic share. */
export interface CommunityContext {
  random: Random;
  cast: Cast;
  writer: DeliveryWriter;
  end: number;
  areas: Array<DemoArea & AreaBehaviour>;
  /** Runs `then` only when `at` is before the end of the data: later events have not happened yet. */
  before(at: number, then: () => void): void;
  openPullRequest(at: number, author: DemoActor, area: DemoArea, extra?: { title?: string; labels?: string[]; files?: string[]; size?: number }): DemoPullRequest;
}

/**
 * Builds a seeded, realistic community over six months as webhook deliveries: five `sig/` areas from an OWNERS
 * tree, a few hundred PRs and issues with review requests, reviews, comments, labels, merges and closes, milestones
 * and releases. Area behaviour (response times, silence, PR size) and a storyline (an overloaded root approver, an
 * understaffed storage area, newcomers who never return, contested PRs, a merge over a change request, reverts and
 * breaking changes, an overdue milestone, a stalled release cadence) are inputs; the findings are left to the real
 * metrics and rules. Deterministic for a seed; events after `end` are not emitted (those PRs are still open).
 */
export function buildDemoCommunity(options: DemoCommunityOptions = {}): DemoCommunity {
  const seed = options.seed ?? 2023;
  const end = (options.end ?? new Date('2026-11-23T00:00:00Z')).getTime();
  const start = end - (options.days ?? 182) * DAY;
  const random = seededRandom(seed);
  const cast = createCast(random);
  const repository = { id: 424_242, fullName: 'kube-widgets/kube-widgets', defaultBranch: 'main' };
  const writer = createDeliveryWriter({ seed, installationId: 7, repository });
  const checkout = buildDemoCheckout();
  const areas = checkout.areas.map((area) => ({ ...area, ...AREA_BEHAVIOUR.find((b) => b.label === area.label)! }));
  const pullRequestFiles = new Map<number, { headSha: string; paths: string[] }>();
  const authors = new Set<string>();
  const context: CommunityContext = {
    random,
    cast,
    writer,
    end,
    areas,
    before: (at, then) => {
      if (at < end) then();
    },
    openPullRequest(at, author, area, extra = {}) {
      const files = extra.files ?? pickFiles(random, area);
      const owner = checkout.areas.some((a) => a.approvers.includes(author.login) || a.reviewers.includes(author.login));
      const association = owner ? 'MEMBER' : authors.has(author.login) ? 'CONTRIBUTOR' : 'FIRST_TIME_CONTRIBUTOR';
      authors.add(author.login);
      const pr = writer.openPullRequest(at, {
        author,
        association,
        title: extra.title ?? describeChange(random, area),
        labels: extra.labels ?? [area.label, random.pick(['kind/feature', 'kind/bug', 'kind/cleanup'])],
        size: extra.size ?? Math.max(3, Math.round(random.exponential((area as Partial<AreaBehaviour>).sizeMean ?? 100))),
        files,
      });
      pullRequestFiles.set(pr.number, { headSha: '', paths: files });
      return pr;
    },
  };

  for (let at = start + random.int(1, 12) * HOUR; at < end; at += random.exponential((7 * DAY) / (options.prsPerWeek ?? 14))) {
    addBackgroundPullRequest(context, at);
    if (random.chance(0.45)) addBackgroundIssue(context, at + random.int(0, 6) * HOUR);
  }
  const showcase = addStoryline(context, start);

  const deliveries = writer.deliveries();
  for (const delivery of deliveries) {
    const payload = delivery.payload as { action?: string; pull_request?: { number: number; head: { sha: string } } };
    if (delivery.name === 'pull_request' && (payload.action === 'opened' || payload.action === 'synchronize') && payload.pull_request) {
      const entry = pullRequestFiles.get(payload.pull_request.number);
      if (entry) entry.headSha = payload.pull_request.head.sha;
    }
  }
  const showcaseFiles = pullRequestFiles.get(showcase.number)!;
  return {
    installationId: 7,
    repository,
    end: new Date(end),
    deliveries,
    checkout,
    pullRequestFiles,
    showcase: { ...showcase, headSha: showcaseFiles.headSha, files: showcaseFiles.paths },
  };
}

/** One ordinary PR: requested review, an answer after the area's usual wait, fixes, a merge; newcomers wait longer. */
function addBackgroundPullRequest(context: CommunityContext, at: number): void {
  const { random, cast } = context;
  if (random.chance(0.05)) {
    const pr = context.openPullRequest(at, DEPENDABOT, context.areas[0]!, { title: 'Bump golang.org/x/net', labels: ['kind/dependencies'], files: ['go.mod', 'go.sum'], size: 4 });
    const merged = at + random.exponential(10) * HOUR;
    context.before(merged, () => pr.close(merged, cast.actor(OVERLOADED_REVIEWER), true));
    return;
  }
  const area = pickArea(random, context.areas);
  const newcomer = random.chance(0.25);
  const author = newcomer ? cast.newcomer() : cast.actor(random.pick([...area.regulars, ...area.reviewers, ...area.approvers]));
  const pr = context.openPullRequest(at, author, area);
  addReviewFlow(context, pr, area, author, at, { newcomer });
  if (newcomer && random.chance(0.1)) {
    const again = at + random.int(5, 60) * DAY;
    context.before(again, () => {
      const second = context.openPullRequest(again, author, area);
      addReviewFlow(context, second, area, author, again, { newcomer: false });
    });
  }
}

function addReviewFlow(context: CommunityContext, pr: DemoPullRequest, area: DemoArea & AreaBehaviour, author: DemoActor, at: number, flags: { newcomer: boolean }): void {
  const { random, cast, end } = context;
  const owners = [...area.approvers, ...area.reviewers].filter((login) => login !== author.login);
  const reviewer = cast.actor(owners.length > 0 ? random.pick(owners) : OVERLOADED_REVIEWER);
  const requested = at + random.exponential(1) * HOUR;
  context.before(requested, () => pr.requestReview(requested, reviewer));
  const escalate = area.label === 'sig/storage' ? 0.7 : 0.15;
  const overloaded = cast.actor(OVERLOADED_REVIEWER);
  if (author.login !== OVERLOADED_REVIEWER && random.chance(escalate)) {
    context.before(requested + HOUR, () => pr.requestReview(requested + HOUR, overloaded));
    // She answered most requests in the first months; lately almost none.
    const answers = random.chance(at < end - 60 * 86_400_000 ? 0.6 : 0.08);
    const answer = requested + HOUR + random.exponential(30) * HOUR;
    if (answers && area.label !== 'sig/storage') context.before(answer, () => pr.review(answer, overloaded, 'approved'));
  }
  if (random.chance(flags.newcomer ? area.silence + 0.3 : area.silence)) {
    if (flags.newcomer) {
      const closed = at + 30 * 86_400_000;
      context.before(closed, () => pr.close(closed, TRIAGE_BOT, false));
    }
    return;
  }
  let t = requested + random.exponential(area.responseMeanHours * (flags.newcomer ? 3 : 1)) * HOUR;
  if (random.chance(0.4)) {
    const commented = t;
    context.before(commented, () => pr.comment(commented, reviewer));
    t += random.exponential(area.responseMeanHours / 2) * HOUR;
  }
  if (random.chance(0.2)) {
    const asked = t;
    context.before(asked, () => pr.review(asked, reviewer, 'changes_requested'));
    t += random.exponential(36) * HOUR;
  }
  const approved = t;
  context.before(approved, () => pr.review(approved, reviewer, 'approved'));
  if (random.chance(0.08)) return;
  const merged = approved + random.exponential(8) * HOUR;
  const merger = cast.actor(area.approvers.find((login) => login !== author.login) ?? OVERLOADED_REVIEWER);
  context.before(merged, () => pr.close(merged, merger, true));
}

function addBackgroundIssue(context: CommunityContext, at: number): void {
  const { random, cast } = context;
  if (at >= context.end) return;
  const area = pickArea(random, context.areas);
  const author = random.chance(0.7) ? cast.user() : cast.actor(random.pick(area.regulars));
  const kind = random.pick(['kind/bug', 'kind/bug', 'kind/feature', 'kind/support']);
  const issue = context.writer.openIssue(at, author, `${kind === 'kind/bug' ? 'Unexpected behaviour in' : 'Question about'} ${random.pick(area.files)}`, [area.label, kind]);
  if (random.chance(area.silence + 0.1)) return;
  const triager = cast.actor(random.pick(area.approvers));
  const answered = at + random.exponential(area.responseMeanHours * 2) * HOUR;
  context.before(answered, () => issue.comment(answered, triager));
  if (random.chance(0.6)) {
    const closed = answered + random.exponential(120) * HOUR;
    context.before(closed, () => issue.close(closed, triager));
  }
}

function pickArea(random: Random, areas: Array<DemoArea & AreaBehaviour>): DemoArea & AreaBehaviour {
  let roll = random.next() * areas.reduce((sum, area) => sum + area.weight, 0);
  for (const area of areas) {
    roll -= area.weight;
    if (roll < 0) return area;
  }
  return areas[areas.length - 1]!;
}

function pickFiles(random: Random, area: DemoArea): string[] {
  const count = random.int(1, Math.min(3, area.files.length));
  const files = new Set<string>();
  while (files.size < count) files.add(`${area.dir}/${random.pick(area.files)}`);
  return [...files].sort();
}

function describeChange(random: Random, area: DemoArea): string {
  const verb = random.pick(['Fix', 'Add', 'Refactor', 'Document', 'Speed up', 'Simplify']);
  return `${verb} ${random.pick(area.files).replace(/\.\w+$/, '').replace(/-/g, ' ')} handling`;
}
