import type { Delivery } from '../store/store.js';

/** A GitHub account as webhook payloads show it. */
export interface DemoActor {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** What a demo pull request is: its author, title, labels, size and the files it changes. */
export interface DemoPullRequestSpec {
  author: DemoActor;
  title: string;
  labels: string[];
  /** Lines added; deletions are a third of it. */
  size: number;
  files: string[];
  milestone?: DemoMilestone | null;
  /** GitHub's `author_association`; default `CONTRIBUTOR`. */
  association?: string;
}

export interface DemoMilestone {
  id: number;
  number: number;
  title: string;
  dueOn: number;
  createdAt: number;
}

/** A handle on an opened pull request: every call emits the delivery GitHub would send at time `at` (epoch ms). */
export interface DemoPullRequest {
  number: number;
  files: string[];
  requestReview(at: number, reviewer: DemoActor): void;
  comment(at: number, by: DemoActor): void;
  review(at: number, by: DemoActor, state: 'approved' | 'changes_requested' | 'commented'): void;
  close(at: number, by: DemoActor, merged: boolean): void;
  /** The author pushes a new commit: a new head SHA and a `synchronize` delivery, whose id is returned. */
  push(at: number): string;
}

export interface DemoIssue {
  number: number;
  comment(at: number, by: DemoActor): void;
  close(at: number, by: DemoActor): void;
}

/** Writes webhook deliveries shaped like GitHub's for one repository, numbering PRs and issues as GitHub does. */
export interface DeliveryWriter {
  openPullRequest(at: number, spec: DemoPullRequestSpec): DemoPullRequest;
  openIssue(at: number, author: DemoActor, title: string, labels: string[]): DemoIssue;
  createMilestone(milestone: DemoMilestone, by: DemoActor, closedAt?: number): void;
  publishRelease(at: number, id: number, tag: string, by: DemoActor): void;
  /** Every delivery written so far, oldest first (ties keep their writing order). */
  deliveries(): Delivery[];
}

/** `2026-06-01T10:00:00Z` (GitHub's format: no milliseconds). */
export function formatGitHubTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Creates a writer for one repository of one installation. Delivery ids are derived from `seed` and a sequence, so
 * the same community always produces the same ids (and a second ingest is all duplicates).
 */
export function createDeliveryWriter(options: {
  seed: number;
  installationId: number;
  repository: { id: number; fullName: string; defaultBranch: string };
}): DeliveryWriter {
  const [ownerLogin = 'demo', name = 'demo'] = options.repository.fullName.split('/');
  const repository = {
    id: options.repository.id,
    name,
    full_name: options.repository.fullName,
    private: false,
    default_branch: options.repository.defaultBranch,
    archived: false,
    fork: false,
    owner: { login: ownerLogin, id: 9, type: 'Organization' },
  };
  const out: Array<Delivery & { at: number; order: number }> = [];
  let nextNumber = 1;
  let nextCommentId = 1;
  const emit = (name: string, at: number, sender: DemoActor, payload: Record<string, unknown>) => {
    const order = out.length + 1;
    out.push({ id: deliveryId(options.seed, order), name, at, order, payload: { ...payload, repository, installation: { id: options.installationId }, sender } });
  };
  const milestoneView = (m: DemoMilestone, at: number, closedAt?: number) => ({
    id: m.id,
    number: m.number,
    title: m.title,
    state: closedAt !== undefined && closedAt <= at ? 'closed' : 'open',
    due_on: formatGitHubTime(m.dueOn),
    created_at: formatGitHubTime(m.createdAt),
    updated_at: formatGitHubTime(at),
    closed_at: closedAt !== undefined && closedAt <= at ? formatGitHubTime(closedAt) : null,
    open_issues: 0,
    closed_issues: 0,
  });

  return {
    openPullRequest(at, spec) {
      const number = nextNumber++;
      const pr = {
        id: 700_000 + number,
        number,
        title: spec.title,
        user: spec.author,
        author_association: spec.association ?? 'CONTRIBUTOR',
        state: 'open',
        draft: false,
        created_at: formatGitHubTime(at),
        updated_at: formatGitHubTime(at),
        closed_at: null as string | null,
        merged_at: null as string | null,
        merged_by: null as DemoActor | null,
        additions: spec.size,
        deletions: Math.round(spec.size / 3),
        changed_files: spec.files.length,
        labels: spec.labels.map((label) => ({ name: label })),
        milestone: spec.milestone ? milestoneView(spec.milestone, at) : null,
        base: { ref: options.repository.defaultBranch },
        head: { ref: `change-${number}`, sha: fakeSha(options.seed, number) },
        requested_reviewers: [] as DemoActor[],
      };
      const snapshot = (t: number) => ({ ...pr, requested_reviewers: [...pr.requested_reviewers], updated_at: formatGitHubTime(t) });
      let pushes = 0;
      emit('pull_request', at, spec.author, { action: 'opened', number, pull_request: snapshot(at) });
      for (const label of spec.labels) {
        emit('pull_request', at + 60_000, spec.author, { action: 'labeled', number, pull_request: snapshot(at + 60_000), label: { name: label } });
      }
      return {
        number,
        files: spec.files,
        requestReview(t, reviewer) {
          pr.requested_reviewers = [...pr.requested_reviewers.filter((r) => r.login !== reviewer.login), reviewer];
          emit('pull_request', t, spec.author, { action: 'review_requested', number, pull_request: snapshot(t), requested_reviewer: reviewer });
        },
        comment(t, by) {
          const comment = { id: 900_000 + nextCommentId++, user: by, created_at: formatGitHubTime(t), updated_at: formatGitHubTime(t), body: '' };
          const issue = { ...snapshot(t), id: pr.id + 1, pull_request: { url: `https://api.github.com/repos/${options.repository.fullName}/pulls/${number}` } };
          emit('issue_comment', t, by, { action: 'created', issue, comment });
        },
        review(t, by, state) {
          pr.requested_reviewers = pr.requested_reviewers.filter((r) => r.login !== by.login);
          const review = { id: 800_000 + nextCommentId++, user: by, state, submitted_at: formatGitHubTime(t), commit_id: pr.head.sha, body: '' };
          const { additions: _a, deletions: _d, changed_files: _c, merged_by: _m, ...simple } = snapshot(t);
          emit('pull_request_review', t, by, { action: 'submitted', review, pull_request: simple });
        },
        push(t) {
          pushes += 1;
          pr.head = { ref: pr.head.ref, sha: fakeSha(options.seed + pushes * 7919, number) };
          emit('pull_request', t, spec.author, { action: 'synchronize', number, before: fakeSha(options.seed, number), after: pr.head.sha, pull_request: snapshot(t) });
          return out[out.length - 1]!.id;
        },
        close(t, by, merged) {
          Object.assign(pr, { state: 'closed', closed_at: formatGitHubTime(t), merged_at: merged ? formatGitHubTime(t) : null, merged_by: merged ? by : null });
          emit('pull_request', t, by, { action: 'closed', number, pull_request: snapshot(t) });
        },
      };
    },
    openIssue(at, author, title, labels) {
      const number = nextNumber++;
      const issue = {
        id: 600_000 + number,
        number,
        title,
        user: author,
        author_association: 'NONE',
        state: 'open',
        created_at: formatGitHubTime(at),
        updated_at: formatGitHubTime(at),
        closed_at: null as string | null,
        labels: labels.map((label) => ({ name: label })),
        milestone: null,
        assignees: [],
      };
      emit('issues', at, author, { action: 'opened', issue: { ...issue } });
      return {
        number,
        comment(t, by) {
          const comment = { id: 950_000 + nextCommentId++, user: by, created_at: formatGitHubTime(t), updated_at: formatGitHubTime(t), body: '' };
          emit('issue_comment', t, by, { action: 'created', issue: { ...issue, updated_at: formatGitHubTime(t) }, comment });
        },
        close(t, by) {
          Object.assign(issue, { state: 'closed', closed_at: formatGitHubTime(t), updated_at: formatGitHubTime(t) });
          emit('issues', t, by, { action: 'closed', issue: { ...issue } });
        },
      };
    },
    createMilestone(milestone, by, closedAt) {
      emit('milestone', milestone.createdAt, by, { action: 'created', milestone: milestoneView(milestone, milestone.createdAt) });
      if (closedAt !== undefined) emit('milestone', closedAt, by, { action: 'closed', milestone: milestoneView(milestone, closedAt, closedAt) });
    },
    publishRelease(at, id, tag, by) {
      const release = { id, tag_name: tag, name: tag, draft: false, prerelease: false, created_at: formatGitHubTime(at), published_at: formatGitHubTime(at), assets: [] };
      emit('release', at, by, { action: 'published', release });
    },
    deliveries() {
      return [...out].sort((a, b) => a.at - b.at || a.order - b.order).map(({ id, name, payload }) => ({ id, name, payload }));
    },
  };
}

function fakeSha(seed: number, n: number): string {
  return (seed.toString(16).padStart(8, '0') + n.toString(16).padStart(8, '0')).repeat(3).slice(0, 40);
}

function deliveryId(seed: number, n: number): string {
  const hex = `d${seed.toString(16).padStart(7, '0')}${n.toString(16).padStart(24, '0')}`.slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
