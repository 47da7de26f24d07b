import { describe, expect, it } from 'vitest';
import { decodeDatabaseId, encodeNodeId } from '../../src/backfill/decode-database-id.js';
import type { IssueNode, PullRequestNode, TimelineItemNode } from '../../src/backfill/graphql-types.js';
import { mapActorLogin, mapActorType } from '../../src/backfill/map-actor.js';
import { mapIssue } from '../../src/backfill/map-issue.js';
import { mapMilestone } from '../../src/backfill/map-milestone.js';
import { mapPullRequest } from '../../src/backfill/map-pull-request.js';
import { mapTimelineItems } from '../../src/backfill/map-timeline-items.js';
import { replayAssignees, replayLabels } from '../../src/backfill/replay-labels-and-assignees.js';

const REPO = 42;
const user = (login: string) => ({ __typename: 'User', login });
const event = <T extends string>(__typename: T, extra: Record<string, unknown> = {}) =>
  ({ __typename, actor: user('maintainer'), createdAt: '2026-03-01T10:00:00Z', ...extra }) as unknown as TimelineItemNode;
const connection = <T>(nodes: T[]) => ({ pageInfo: { hasNextPage: false, endCursor: null }, nodes });
const labeled = (name: string) => event('LabeledEvent', { label: { name } });
const unlabeled = (name: string) => event('UnlabeledEvent', { label: { name } });
const assigned = (login: string, type = 'User') => event('AssignedEvent', { assignee: { __typename: type, login } });
const unassigned = (login: string) => event('UnassignedEvent', { assignee: user(login) });

function aPullRequestNode(overrides: Partial<PullRequestNode> = {}): PullRequestNode {
  return {
    id: 'PR_1', fullDatabaseId: '9001', number: 7, title: 'Fix it', author: user('alice'), authorAssociation: 'CONTRIBUTOR',
    state: 'OPEN', isDraft: false, createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', closedAt: null,
    mergedAt: null, mergedBy: null, additions: 10, deletions: 2, changedFiles: 2, baseRefName: 'main', headRefName: 'fix',
    headRefOid: 'abc', milestone: null, timelineItems: connection([labeled('kind/bug'), labeled('area/api')]),
    files: connection([{ path: 'api/a.ts' }, { path: 'api/b.ts' }]),
    ...overrides,
  };
}

describe('mapActorLogin / mapActorType', () => {
  it.each([
    [{ __typename: 'User', login: 'alice' }, 'alice', 'User'],
    [{ __typename: 'Bot', login: 'dependabot' }, 'dependabot[bot]', 'Bot'],
    [{ __typename: 'Bot', login: 'renovate[bot]' }, 'renovate[bot]', 'Bot'],
    [null, 'ghost', 'User'],
  ])('%j → %s (%s), as webhooks spell it', (actor, login, type) => {
    expect(mapActorLogin(actor)).toBe(login);
    expect(mapActorType(actor)).toBe(type);
  });
});

describe('mapTimelineItems', () => {
  it.each<[string, TimelineItemNode, Record<string, unknown>]>([
    ['a user review request', event('ReviewRequestedEvent', { requestedReviewer: user('bob') }), { kind: 'review_requested', subject: 'bob', subjectType: 'user' }],
    ['a team review request', event('ReviewRequestedEvent', { requestedReviewer: { __typename: 'Team', slug: 'sig-api' } }), { kind: 'review_requested', subject: 'sig-api', subjectType: 'team' }],
    ['a removed bot request', event('ReviewRequestRemovedEvent', { requestedReviewer: { __typename: 'Bot', login: 'copilot' } }), { kind: 'review_request_removed', subject: 'copilot[bot]', subjectType: 'user' }],
    ['a label', event('LabeledEvent', { label: { name: 'area/api' } }), { kind: 'labeled', subject: 'area/api', subjectType: '' }],
    ['an assignment', event('AssignedEvent', { assignee: user('carol') }), { kind: 'assigned', subject: 'carol' }],
    ['readiness', event('ReadyForReviewEvent'), { kind: 'ready_for_review', subject: '' }],
    ['a close', event('ClosedEvent'), { kind: 'closed', actor: 'maintainer', at: '2026-03-01T10:00:00.000Z' }],
  ])('maps %s to the webhook path’s event', (_name, item, expected) => {
    const { events } = mapTimelineItems(REPO, 'pr', 7, [item]);
    expect(events).toEqual([expect.objectContaining({ repoId: REPO, itemNumber: 7, itemKind: 'pr', ...expected })]);
  });

  it('records milestone events for issues only, as the webhook path does', () => {
    const item = event('MilestonedEvent', { milestoneTitle: 'v1' });
    expect(mapTimelineItems(REPO, 'pr', 7, [item]).events).toEqual([]);
    expect(mapTimelineItems(REPO, 'issue', 7, [item]).events).toEqual([expect.objectContaining({ kind: 'milestoned', subject: 'v1' })]);
  });

  it('maps a PR’s commits and force pushes to `pushed` events by the pusher (commits at their committer date), none for issues', () => {
    const items = [
      { __typename: 'PullRequestCommit', pushedCommit: { committedDate: '2026-03-06T10:00:00Z', author: { user: { login: 'alice' } } } },
      { __typename: 'PullRequestCommit', pushedCommit: { committedDate: '2026-03-06T11:00:00Z', author: { user: null } } },
      event('HeadRefForcePushedEvent', { createdAt: '2026-03-07T00:00:00Z' }),
    ] as TimelineItemNode[];
    expect(mapTimelineItems(REPO, 'pr', 7, items).events.map((e) => [e.kind, e.actor, e.at])).toEqual([
      ['pushed', 'alice', '2026-03-06T10:00:00.000Z'],
      ['pushed', null, '2026-03-06T11:00:00.000Z'],
      ['pushed', 'maintainer', '2026-03-07T00:00:00.000Z'],
    ]);
    expect(mapTimelineItems(REPO, 'issue', 7, items).events).toEqual([]);
  });

  it('maps reviews (upper-case state, submission as the reviewer’s first sighting) and comments (deleted author → ghost)', () => {
    const mapped = mapTimelineItems(REPO, 'pr', 7, [
      { __typename: 'PullRequestReview', fullDatabaseId: '5', author: user('bob'), state: 'CHANGES_REQUESTED', submittedAt: '2026-03-03T00:00:00Z', commit: { oid: 'abc' } },
      { __typename: 'PullRequestReview', fullDatabaseId: '6', author: user('dan'), state: 'PENDING', submittedAt: null, commit: null },
      { __typename: 'IssueComment', fullDatabaseId: '8', author: null, createdAt: '2026-03-04T00:00:00Z', updatedAt: '2026-03-05T00:00:00Z', body: 'Looks good' },
      { __typename: 'IssueComment', fullDatabaseId: '9', author: user('eve'), createdAt: '2026-03-04T00:00:00Z', updatedAt: '2026-03-04T00:00:00Z', body: '/LGTM\n/approve' },
    ]);
    expect(mapped.reviews).toEqual([
      { repoId: REPO, id: 5, prNumber: 7, author: 'bob', authorType: 'User', state: 'CHANGES_REQUESTED', submittedAt: '2026-03-03T00:00:00.000Z', commitId: 'abc' },
      { repoId: REPO, id: 6, prNumber: 7, author: 'dan', authorType: 'User', state: 'PENDING', submittedAt: null, commitId: null },
    ]);
    expect(mapped.comments).toEqual([
      { repoId: REPO, id: 8, kind: 'issue', itemNumber: 7, onPullRequest: true, author: 'ghost', authorType: 'User', createdAt: '2026-03-04T00:00:00.000Z', updatedAt: '2026-03-05T00:00:00.000Z', deleted: false, commands: [] },
      { repoId: REPO, id: 9, kind: 'issue', itemNumber: 7, onPullRequest: true, author: 'eve', authorType: 'User', createdAt: '2026-03-04T00:00:00.000Z', updatedAt: '2026-03-04T00:00:00.000Z', deleted: false, commands: ['lgtm', 'approve'] },
    ]);
    expect(mapped.contributors.map((c) => [c.login, c.firstSeenAt])).toEqual([
      ['bob', '2026-03-03T00:00:00.000Z'],
      ['ghost', '2026-03-04T00:00:00.000Z'],
      ['eve', '2026-03-04T00:00:00.000Z'],
    ]);
  });
});

describe('mapPullRequest', () => {
  it('maps a PR whose files were not fetched (head unchanged) without files', () => {
    expect(mapPullRequest(REPO, aPullRequestNode({ files: undefined })).files).toBeNull();
  });

  it('maps a merged PR: closed state, sorted labels, merger, files at the head commit', () => {
    const mapped = mapPullRequest(REPO, aPullRequestNode({ state: 'MERGED', closedAt: '2026-03-02T09:00:00Z', mergedAt: '2026-03-02T09:00:00Z', mergedBy: { __typename: 'Bot', login: 'k8s-ci-robot' } }));
    expect(mapped.pullRequest).toMatchObject({ id: 9001, state: 'closed', labels: ['area/api', 'kind/bug'], mergedBy: 'k8s-ci-robot[bot]', mergedAt: '2026-03-02T09:00:00.000Z' });
    expect(mapped.files).toEqual({ prNumber: 7, headSha: 'abc', paths: ['api/a.ts', 'api/b.ts'] });
    expect(mapped.contributors[0]).toEqual({ repoId: REPO, login: 'alice', type: 'User', firstSeenAt: '2026-03-01T09:00:00.000Z' });
  });

  it.each<[string, boolean, string[], boolean]>([
    ['ready after starting as a draft', false, ['ReadyForReviewEvent'], true],
    ['converted to draft, then ready again', false, ['ConvertToDraftEvent', 'ReadyForReviewEvent'], false],
    ['still a draft, never ready', true, [], true],
    ['never a draft', false, [], false],
    ['a draft again after being ready first', true, ['ReadyForReviewEvent', 'ConvertToDraftEvent'], true],
  ])('openedAsDraft when %s', (_name, isDraft, transitions, expected) => {
    const node = aPullRequestNode({ isDraft, timelineItems: connection(transitions.map((t) => event(t))) });
    expect(mapPullRequest(REPO, node).pullRequest.openedAsDraft).toBe(expected);
  });
});

describe('replayLabels / replayAssignees (the timeline instead of nested connections)', () => {
  it.each<[string, TimelineItemNode[], string[]]>([
    ['none', [], []],
    ['labeled twice, sorted', [labeled('kind/bug'), labeled('area/api')], ['area/api', 'kind/bug']],
    ['labeled → unlabeled', [labeled('kind/bug'), unlabeled('kind/bug')], []],
    ['labeled → unlabeled → labeled again', [labeled('kind/bug'), unlabeled('kind/bug'), labeled('kind/bug')], ['kind/bug']],
    ['unlabeled → labeled → unlabeled of another', [unlabeled('a'), labeled('b'), unlabeled('c')], ['b']],
    ['the same label twice, once', [labeled('a'), labeled('a')], ['a']],
    ['a deleted label (label: null) is skipped', [labeled('a'), event('LabeledEvent', { label: null })], ['a']],
    ['other items do not matter', [event('ClosedEvent'), labeled('a'), assigned('bob')], ['a']],
  ])('labels: %s', (_name, items, expected) => {
    expect(replayLabels(items)).toEqual(expected);
  });

  it.each<[string, TimelineItemNode[], string[]]>([
    ['assigned → unassigned → assigned again', [assigned('bob'), unassigned('bob'), assigned('bob')], ['bob']],
    ['two assignees, one removed', [assigned('carol'), assigned('bob'), unassigned('carol')], ['bob']],
    ['a bot, as webhooks spell it', [assigned('copilot', 'Bot')], ['copilot[bot]']],
    ['a deleted account (assignee: null) is skipped', [event('AssignedEvent', { assignee: null }), assigned('bob')], ['bob']],
  ])('assignees: %s', (_name, items, expected) => {
    expect(replayAssignees(items)).toEqual(expected);
  });

  it('mapIssue reads labels and assignees from the timeline', () => {
    const node: IssueNode = {
      id: 'I_1', fullDatabaseId: '6001', number: 8, title: 'Broken', author: user('eve'), authorAssociation: 'NONE', state: 'OPEN',
      createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', closedAt: null, milestone: null,
      timelineItems: connection([labeled('kind/bug'), assigned('carol'), labeled('needs-triage'), unlabeled('needs-triage'), assigned('amara')]),
    };
    expect(mapIssue(REPO, node).issue).toMatchObject({ labels: ['kind/bug'], assignees: ['amara', 'carol'] });
  });
});

describe('decodeDatabaseId', () => {
  it.each([
    [encodeNodeId('MI', 100_001, 5001), 5001],
    [encodeNodeId('MI', 5, 100), 100],
    [Buffer.from('09:Milestone123').toString('base64'), 123],
    ['not-an-id', null],
  ])('%s → %s', (nodeId, expected) => {
    expect(decodeDatabaseId(nodeId)).toBe(expected);
  });

  it('milestones get the id webhooks carry, with issues and PRs counted together', () => {
    const milestone = mapMilestone(REPO, {
      id: encodeNodeId('MI', REPO, 777), number: 3, title: 'v2', state: 'OPEN', dueOn: '2026-05-01T00:00:00Z',
      createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-02-01T00:00:00Z', closedAt: null,
      openIssues: { totalCount: 2 }, closedIssues: { totalCount: 1 }, openPullRequests: { totalCount: 3 }, closedPullRequests: { totalCount: 4 },
    });
    expect(milestone).toMatchObject({ id: 777, state: 'open', openIssues: 5, closedIssues: 5, dueOn: '2026-05-01T00:00:00.000Z' });
  });
});
