import type {
  CommentRecord,
  ContributorRecord,
  ReviewRecord,
  ReviewState,
  TimelineEventKind,
  TimelineEventRecord,
} from '../core/records.js';
import { listSlashCommands } from '../core/list-slash-commands.js';
import { toIso, toIsoOrNull } from '../core/time.js';
import type { TimelineItemNode } from './graphql-types.js';
import { GHOST, mapActorLogin, mapActorType } from './map-actor.js';

/** The records a timeline yields. */
export interface MappedTimeline {
  reviews: ReviewRecord[];
  comments: CommentRecord[];
  events: TimelineEventRecord[];
  contributors: ContributorRecord[];
}

const EVENT_KINDS: Record<string, TimelineEventKind> = {
  ReadyForReviewEvent: 'ready_for_review',
  ConvertToDraftEvent: 'converted_to_draft',
  ReviewRequestedEvent: 'review_requested',
  ReviewRequestRemovedEvent: 'review_request_removed',
  LabeledEvent: 'labeled',
  UnlabeledEvent: 'unlabeled',
  MilestonedEvent: 'milestoned',
  DemilestonedEvent: 'demilestoned',
  AssignedEvent: 'assigned',
  UnassignedEvent: 'unassigned',
  ClosedEvent: 'closed',
  ReopenedEvent: 'reopened',
  HeadRefForcePushedEvent: 'pushed',
};

/** Event kinds the webhook path records for pull requests (`pull_request.milestoned` is not one). */
const PULL_REQUEST_EVENT_KINDS = new Set<TimelineEventKind>([
  'ready_for_review', 'converted_to_draft', 'review_requested', 'review_request_removed', 'labeled', 'unlabeled',
  'assigned', 'unassigned', 'closed', 'reopened', 'pushed',
]);

const REVIEW_STATES = new Set<ReviewState>(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']);

/**
 * Maps an issue's or PR's timeline to records, as the webhook path would have recorded the same facts:
 * comments and reviews with their database ids (a deleted account's as `ghost`, as REST shows it), their authors as contributors (comments at creation, reviews at
 * submission), events with the actor as `actor` and the reviewer / team / label / assignee / milestone as `subject`.
 *
 * An event's time is its `createdAt`. The webhook path stamps an event with the item's `updated_at` in the
 * delivery (its `closed_at` for `closed`), which GitHub sets in the same write, so both agree to the second;
 * milestone events are recorded for issues only, as `pull_request.milestoned` records none. A commit is a `pushed`
 * event by the commit author's account at its committer date (GraphQL no longer reports push times; the webhook path
 * stamps `synchronize` with the PR's `updated_at`); a comment keeps its slash commands, never its body.
 */
export function mapTimelineItems(
  repoId: number,
  itemKind: 'pr' | 'issue',
  itemNumber: number,
  items: readonly TimelineItemNode[],
): MappedTimeline {
  const out: MappedTimeline = { reviews: [], comments: [], events: [], contributors: [] };
  for (const item of items) {
    if (item.__typename === 'IssueComment') {
      out.comments.push({
        repoId,
        id: Number(item.fullDatabaseId),
        kind: 'issue',
        itemNumber,
        onPullRequest: itemKind === 'pr',
        author: mapActorLogin(item.author),
        authorType: mapActorType(item.author),
        createdAt: toIso(item.createdAt),
        updatedAt: toIso(item.updatedAt),
        deleted: false,
        commands: listSlashCommands(item.body),
      });
      out.contributors.push(contributor(repoId, item.author ?? GHOST, item.createdAt));
      continue;
    }
    if (item.__typename === 'PullRequestReview') {
      if (!REVIEW_STATES.has(item.state as ReviewState)) continue;
      out.reviews.push({
        repoId,
        id: Number(item.fullDatabaseId),
        prNumber: itemNumber,
        author: mapActorLogin(item.author),
        authorType: mapActorType(item.author),
        state: item.state as ReviewState,
        submittedAt: toIsoOrNull(item.submittedAt),
        commitId: item.commit?.oid ?? null,
      });
      if (item.submittedAt) out.contributors.push(contributor(repoId, item.author ?? GHOST, item.submittedAt));
      continue;
    }
    if (item.__typename === 'PullRequestCommit') {
      if (itemKind !== 'pr') continue;
      const pusher = item.pushedCommit.author?.user?.login ?? null;
      out.events.push({ repoId, itemNumber, itemKind, kind: 'pushed', actor: pusher, subject: '', subjectType: '', at: toIso(item.pushedCommit.committedDate) });
      continue;
    }
    const kind = EVENT_KINDS[item.__typename];
    if (!kind || (itemKind === 'pr' ? !PULL_REQUEST_EVENT_KINDS.has(kind) : kind === 'pushed')) continue;
    out.events.push({
      repoId,
      itemNumber,
      itemKind,
      kind,
      actor: item.actor ? mapActorLogin(item.actor) : null,
      ...describeSubject(item),
      at: toIso(item.createdAt),
    });
  }
  return out;
}

function describeSubject(item: TimelineItemNode): Pick<TimelineEventRecord, 'subject' | 'subjectType'> {
  switch (item.__typename) {
    case 'ReviewRequestedEvent':
    case 'ReviewRequestRemovedEvent': {
      const reviewer = item.requestedReviewer;
      if (!reviewer) return { subject: '', subjectType: '' };
      if (reviewer.__typename === 'Team') return { subject: reviewer.slug ?? '', subjectType: 'team' };
      return { subject: mapActorLogin(reviewer), subjectType: 'user' };
    }
    case 'LabeledEvent':
    case 'UnlabeledEvent':
      return { subject: item.label?.name ?? '', subjectType: '' };
    case 'AssignedEvent':
    case 'UnassignedEvent':
      return { subject: item.assignee ? mapActorLogin(item.assignee) : '', subjectType: '' };
    case 'MilestonedEvent':
    case 'DemilestonedEvent':
      return { subject: item.milestoneTitle, subjectType: '' };
    default:
      return { subject: '', subjectType: '' };
  }
}

function contributor(repoId: number, actor: { __typename: string; login: string }, seenAt: string): ContributorRecord {
  return { repoId, login: mapActorLogin(actor), type: mapActorType(actor), firstSeenAt: toIso(seenAt) };
}
