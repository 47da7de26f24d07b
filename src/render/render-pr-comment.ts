import { metadata as timelines } from '../rules/timelines-are-reliable/metadata.js';
import { metadata as compromise } from '../rules/compromise-is-rare/metadata.js';
import { metadata as supplyChain } from '../rules/supply-chain-is-secure/metadata.js';
import type { Distribution } from '../metrics/types.js';
import type { Finding } from '../rules/types.js';
import { escapeMarkdown } from './escape-markdown.js';
import { type FallacyName, toFallacyName } from './fallacy-names.js';
import { fitBody, GITHUB_BODY_LIMIT, type BodySection } from './fit-body.js';
import { PR_COMMENT_MARKER, renderHashMarker, wrapWithMarkers } from './hidden-marker.js';
import { joinWords, pluralize } from './join-words.js';
import type { PrCommentView } from './pr-comment-view.js';
import { describeAreaName, renderAppText } from './render-app-text.js';
import { sortFindings, withoutReality } from './render-findings.js';

/** The sticky comment, ready to post: the body carries the marker and the content hash. */
export interface PrComment {
  body: string;
  hash: string;
}

/** Room kept for the markers around the fitted content. */
const MARKER_ROOM = PR_COMMENT_MARKER.length + renderHashMarker('0'.repeat(16)).length + 8;

/**
 * The sticky PR comment, or `null` when there is nothing the author needs to know (the publisher then removes or
 * collapses an existing one). It speaks only about: a first contribution (welcome, with how long reviews in the
 * touched areas really take), a contested review, and supply-chain risks the pull request introduces. It names
 * people as plain text and never mentions anyone; the content carries no timestamp, so its hash changes only when
 * what it says changes.
 */
export function renderPrComment(view: PrCommentView): PrComment | null {
  const sections: BodySection[] = [
    ...(view.firstContribution ? [renderWelcome(view)] : []),
    ...(view.contestedReview ? [renderContested(view.contestedReview)] : []),
    ...(view.supplyChainRisks.length > 0 ? [renderSupplyChain(view.supplyChainRisks)] : []),
  ];
  if (sections.length === 0) return null;
  const footer: BodySection = {
    label: 'the footer',
    importance: 0,
    head: '<sub>fallacy-watch keeps this one comment up to date and removes it when it no longer applies. It never mentions anyone.</sub>',
  };
  const content = fitBody([...sections, footer], { limit: GITHUB_BODY_LIMIT, reserve: MARKER_ROOM }).body;
  return wrapWithMarkers(PR_COMMENT_MARKER, content);
}

function renderWelcome(view: PrCommentView): BodySection {
  const minSamples = view.minSamples ?? DEFAULT_MIN_SAMPLES;
  const hasData = (distribution: Distribution | null) => hasEnoughData(distribution, minSamples);
  const known = view.areas.filter((area) => hasData(area.metrics.pr_time_to_first_review_hours));
  const expectations =
    known.length > 0
      ? known.map((area) => describeExpectation(`in **${describeAreaName(area.area)}**`, area.metrics.pr_time_to_first_review_hours!))
      : hasData(view.repo.pr_time_to_first_review_hours)
        ? [describeExpectation('in this repository', view.repo.pr_time_to_first_review_hours!)]
        : [];
  const lines = ['### 👋 Welcome, and thank you for your first pull request here!', ''];
  if (expectations.length === 0) {
    lines.push(
      `There is too little history yet (fewer than ${pluralize(minSamples, 'reviewed pull request')} recently) to promise how long a review takes here. Timelines are optimistic: maintainers review alongside their other work and in their own time zones, so a few quiet days are normal.`,
    );
  } else {
    const patience = 'Maintainers review alongside their other work and in their own time zones, so a few quiet days are normal.';
    if (expectations.length === 1) lines.push(`${expectations[0]}; timelines are optimistic. ${patience}`);
    else lines.push(...expectations.map((text) => `- ${text}.`), '', `Timelines are optimistic. ${patience}`);
  }
  lines.push(
    '',
    'While you wait: say what the change does and why in the description, keep it focused, and answer review comments in writing. That helps maintainers help you.',
    '',
    fallacyTag(toFallacyName(timelines)),
  );
  return { label: 'the welcome', importance: 90, required: true, head: lines.join('\n') };
}

/** "Reviews in X usually take about 3 days to start (9 in 10 within 8 days, from 14 recent pull requests)" */
function describeExpectation(where: string, firstReview: Distribution): string {
  const typical = `Reviews ${where} usually take about ${describeDuration(firstReview.p50!)} to start`;
  const slow = firstReview.p90 !== null ? `9 in 10 within ${describeDuration(firstReview.p90)}, ` : '';
  return `${typical} (${slow}from ${pluralize(firstReview.n, 'recent pull request')})`;
}

/** A rounded duration for people: `5 hours`, `1 day`, `3 days` — rounding keeps the comment from churning. */
export function describeDuration(hours: number): string {
  if (hours < 20) return pluralize(Math.max(1, Math.ceil(hours)), 'hour');
  return pluralize(Math.max(1, Math.round(hours / 24)), 'day');
}

/** The rules' default sample minimum: a median of fewer first reviews is not a promise anyone should read. */
const DEFAULT_MIN_SAMPLES = 5;

function hasEnoughData(distribution: Distribution | null, minSamples: number): boolean {
  return distribution !== null && distribution.n >= Math.max(1, minSamples) && distribution.p50 !== null;
}

function renderContested(contested: NonNullable<PrCommentView['contestedReview']>): BodySection {
  const names = (logins: readonly string[]) => joinWords(logins.map((login) => escapeMarkdown(login, { maxLength: 60 })));
  const lines = [
    '### Reviewers disagree',
    '',
    `${names(contested.approvedBy)} approved this pull request while ${names(contested.changesRequestedBy)} requested changes. That is normal in a distributed community, and it is not yours to settle alone: ask in a comment which direction they agree on, and keep the decision in writing here.`,
    '',
    fallacyTag(toFallacyName(compromise)),
  ];
  return { label: 'the contested review', importance: 80, required: true, head: lines.join('\n') };
}

function renderSupplyChain(risks: readonly Finding[]): BodySection {
  const sorted = sortFindings(risks);
  const advice = [...new Set(sorted.map((risk) => withoutReality(risk.advice, toFallacyName(supplyChain).reality)).filter(Boolean))];
  const head = [
    '### Supply-chain risks in this pull request',
    '',
    `This pull request changes ${risks.length === 1 ? 'something that weakens' : 'things that weaken'} the software supply chain:`,
    '',
  ].join('\n');
  const rows = sorted.map((risk) => {
    const where = risk.location
      ? `${escapeMarkdown(risk.location.path, { maxLength: 200 })} line ${risk.location.startLine}: `
      : '';
    return `- ${risk.severity === 'error' ? '🛑' : risk.severity === 'warning' ? '⚠️' : 'ℹ️'} ${where}${escapeMarkdown(risk.title, { maxLength: 300 })}`;
  });
  const tail = [
    '',
    ...advice.slice(0, 3).map((text) => `**Advice:** ${renderAppText(text, { maxLength: 1000 })}`),
    '',
    fallacyTag(toFallacyName(supplyChain)),
  ].join('\n');
  return { label: 'the supply-chain risks', importance: 70, required: true, head, rows, tail };
}

function fallacyTag(fallacy: FallacyName): string {
  return `<sub>Fallacy ${fallacy.number}: ${fallacy.name}. The Reality: ${fallacy.reality}.</sub>`;
}
