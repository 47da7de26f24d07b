import examples from '@octokit/webhooks-examples' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/ingest/normalize/normalize-delivery.js';
import { SUBSCRIBED_EVENTS, type SubscribedEvent } from '../../src/ingest/subscribed-events.js';

type Example = { action?: any; [key: string]: any };
const subscribed = (examples as unknown as { name: string; examples: Example[] }[]).filter((group) =>
  Object.hasOwn(SUBSCRIBED_EVENTS, group.name),
);
const cases = subscribed.flatMap((group) =>
  group.examples.map((payload, index) => ({
    label: `${group.name}.${payload.action ?? '-'} #${index}`,
    name: group.name as SubscribedEvent,
    payload,
  })),
);

const isHandled = (name: SubscribedEvent, action: string | undefined) =>
  (SUBSCRIBED_EVENTS[name] as readonly (string | null)[]).includes(action ?? null);

describe('every @octokit/webhooks-examples payload of a subscribed event', () => {
  it('covers all eleven subscribed events', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(Object.keys(SUBSCRIBED_EVENTS)));
  });

  it.each(cases)('$label normalizes to the records its payload describes', ({ name, payload }) => {
    const result = normalizeDelivery(name, payload);
    if (!isHandled(name, payload.action)) {
      expect(result.type).toBe('ignored');
      return;
    }
    const installationId = payload.installation?.id ?? 0;
    if (name === 'installation' && payload.action === 'deleted') {
      expect(result).toEqual({ type: 'purge-installation', installationId });
      return;
    }
    if (name === 'installation_repositories' && payload.action === 'removed') {
      expect(result).toEqual({
        type: 'purge-repositories',
        installationId,
        repositoryIds: payload.repositories_removed.map((r: { id: number }) => r.id),
      });
      return;
    }
    const expected = name === 'installation_repositories' ? 'add-repositories' : 'records';
    if (result.type !== expected) throw new Error(`expected ${expected}, got ${result.type}`);
    if (result.type !== 'records' && result.type !== 'add-repositories') return;
    const { batch } = result;
    expect(batch.installationId).toBe(installationId);
    if (name === 'installation') {
      expect(batch.repositories.map((r) => r.fullName)).toEqual(
        (payload.repositories ?? []).map((r: { full_name: string }) => r.full_name),
      );
      return;
    }
    if (name === 'installation_repositories') {
      expect(batch.repositories.map((r) => r.repoId)).toEqual(payload.repositories_added.map((r: { id: number }) => r.id));
      return;
    }
    expect(batch.repositories).toHaveLength(1);
    expect(batch.repositories[0]).toMatchObject({ repoId: payload.repository.id, fullName: payload.repository.full_name });
    const repoId = payload.repository.id;
    switch (name) {
      case 'pull_request': {
        const pr = payload.pull_request;
        expect(batch.pullRequests).toEqual([
          expect.objectContaining({
            repoId,
            number: pr.number,
            author: pr.user.login,
            state: pr.state,
            draft: pr.draft ?? false,
            openedAsDraft: payload.action === 'opened' && pr.draft === true,
            createdAt: new Date(pr.created_at).toISOString(),
            mergedAt: pr.merged_at ? new Date(pr.merged_at).toISOString() : null,
            labels: pr.labels.map((l: { name: string }) => l.name).sort(),
            headSha: pr.head.sha,
          }),
        ]);
        const timelineActions = ['ready_for_review', 'converted_to_draft', 'review_requested', 'review_request_removed',
          'labeled', 'unlabeled', 'assigned', 'unassigned', 'closed', 'reopened'];
        if (timelineActions.includes(payload.action)) {
          expect(batch.events).toHaveLength(1);
          expect(batch.events[0]).toMatchObject({ itemNumber: pr.number, itemKind: 'pr', kind: payload.action });
          if (payload.action.startsWith('review_request')) {
            expect(batch.events[0]!.subject).toBe(payload.requested_reviewer?.login ?? payload.requested_team?.slug);
          }
          if (payload.action.endsWith('labeled')) expect(batch.events[0]!.subject).toBe(payload.label.name);
        } else if (payload.action === 'synchronize') {
          // A push: the pusher (the delivery's sender) at the PR's `updated_at`.
          expect(batch.events).toEqual([
            expect.objectContaining({ itemNumber: pr.number, kind: 'pushed', actor: payload.sender.login, at: new Date(pr.updated_at).toISOString() }),
          ]);
        } else {
          expect(batch.events).toEqual([]);
        }
        break;
      }
      case 'pull_request_review': {
        const review = payload.review;
        expect(batch.reviews).toEqual([
          expect.objectContaining({
            id: review.id,
            prNumber: payload.pull_request.number,
            author: review.user.login,
            state: payload.action === 'dismissed' ? 'DISMISSED' : review.state.toUpperCase(),
          }),
        ]);
        break;
      }
      case 'pull_request_review_comment':
      case 'issue_comment': {
        const itemNumber = name === 'issue_comment' ? payload.issue.number : payload.pull_request.number;
        if (payload.action === 'deleted') {
          expect(batch.comments).toEqual([]);
          expect(batch.tombstones).toEqual([
            { repoId, kind: name === 'issue_comment' ? 'issue-comment' : 'review-comment', key: payload.comment.id },
          ]);
        } else {
          expect(batch.comments).toEqual([
            expect.objectContaining({ id: payload.comment.id, itemNumber, author: payload.comment.user.login, commands: [] }),
          ]);
          // The body is read to classify the comment and never kept.
          expect(JSON.stringify(batch)).not.toContain(JSON.stringify(payload.comment.body).slice(1, -1));
        }
        break;
      }
      case 'issues': {
        if (payload.action === 'deleted' || payload.action === 'transferred') {
          expect(batch.issues).toEqual([]);
          expect(batch.tombstones).toEqual([{ repoId, kind: 'issue', key: payload.issue.number }]);
        } else {
          expect(batch.issues).toEqual([
            expect.objectContaining({
              number: payload.issue.number,
              author: payload.issue.user.login,
              state: payload.issue.state,
              labels: (payload.issue.labels ?? []).map((l: { name: string }) => l.name).sort(),
            }),
          ]);
        }
        break;
      }
      case 'milestone':
        if (payload.action === 'deleted') {
          expect(batch.tombstones).toEqual([{ repoId, kind: 'milestone', key: payload.milestone.number }]);
        } else {
          expect(batch.milestones).toEqual([
            expect.objectContaining({ number: payload.milestone.number, title: payload.milestone.title, state: payload.milestone.state }),
          ]);
        }
        break;
      case 'release':
        if (payload.action === 'deleted') {
          expect(batch.tombstones).toEqual([{ repoId, kind: 'release', key: payload.release.id }]);
        } else {
          expect(batch.releases).toEqual([
            expect.objectContaining({ id: payload.release.id, tagName: payload.release.tag_name, draft: payload.release.draft }),
          ]);
        }
        break;
      case 'push':
      case 'check_suite':
      case 'check_run':
        expect(batch.repositories[0]!.defaultBranch).toBe(payload.repository.default_branch);
        break;
    }
  });
});
