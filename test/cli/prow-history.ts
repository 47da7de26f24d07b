import type { Delivery } from '../../src/store/store.js';

/**
 * A prow-style community history as webhook deliveries, written so every definition of "Responses and whose turn"
 * and its edges appear once. Times are hours from `FROM` (the report window is `[FROM, TO)`, 28 days = 672 h).
 */
export const FROM = Date.parse('2026-11-01T00:00:00Z');
export const TO_ISO = '2026-11-29T00:00:00Z';
export const REPOSITORY = 'kubernetes/website';

const repository = { id: 5001, full_name: REPOSITORY, name: 'website', private: false, default_branch: 'main', owner: { login: 'kubernetes', id: 9, type: 'Organization' } };
const at = (hours: number) => new Date(FROM + hours * 3_600_000).toISOString().replace('.000Z', 'Z');

type Actor = { login: string; id: number; type: 'User' | 'Bot' };
let nextUserId = 100;
const users = new Map<string, Actor>();
/** A user by login (`…[bot]` logins are GitHub App bots); `k8s-ci-robot` and `k8s-triage-robot` are plain accounts, as in Kubernetes. */
function user(login: string): Actor {
  let actor = users.get(login);
  if (!actor) {
    actor = { login, id: nextUserId++, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
    users.set(login, actor);
  }
  return actor;
}

/** Records deliveries for one repository, PR by PR. */
export function buildProwHistory(): Delivery[] {
  const deliveries: Array<Delivery & { atMs: number }> = [];
  let sequence = 0;
  let commentId = 900_000;
  let reviewId = 800_000;
  const emit = (name: string, hours: number, payload: Record<string, unknown>) => {
    sequence += 1;
    deliveries.push({ id: `prow-${sequence}`, name, atMs: FROM + hours * 3_600_000, payload: { ...payload, repository, installation: { id: 0 } } });
  };

  function pullRequest(number: number, author: string, openedAt: number, options: { draft?: boolean } = {}) {
    const pr = {
      id: 700_000 + number, number, title: `Change ${number}`, user: user(author), author_association: 'CONTRIBUTOR',
      state: 'open', draft: options.draft ?? false, created_at: at(openedAt), updated_at: at(openedAt), closed_at: null as string | null,
      merged_at: null as string | null, merged_by: null as Actor | null, additions: 10, deletions: 2, changed_files: 1,
      labels: [], milestone: null, base: { ref: 'main' }, head: { ref: `change-${number}`, sha: `${number}`.padStart(40, 'a') },
    };
    const snapshot = (hours: number, changes: Partial<typeof pr> = {}) => ({ ...Object.assign(pr, changes, { updated_at: at(hours) }) });
    const issueView = () => ({ id: pr.id, number, title: pr.title, user: pr.user, state: pr.state, created_at: pr.created_at, updated_at: pr.updated_at, pull_request: {} });
    emit('pull_request', openedAt, { action: 'opened', number, pull_request: snapshot(openedAt), sender: user(author) });
    const api = {
      comment(by: string, hours: number, body: string) {
        snapshot(hours);
        const comment = { id: commentId++, user: user(by), created_at: at(hours), updated_at: at(hours), body };
        emit('issue_comment', hours, { action: 'created', issue: issueView(), comment, sender: user(by) });
        return api;
      },
      review(by: string, hours: number, state: 'approved' | 'changes_requested' | 'commented') {
        const review = { id: reviewId++, user: user(by), state, submitted_at: at(hours), commit_id: pr.head.sha, body: '' };
        emit('pull_request_review', hours, { action: 'submitted', review, pull_request: snapshot(hours), sender: user(by) });
        return api;
      },
      push(by: string, hours: number) {
        const head = { ...pr.head, sha: `${number}${hours}`.padStart(40, 'b') };
        emit('pull_request', hours, { action: 'synchronize', number, pull_request: snapshot(hours, { head }), sender: user(by) });
        return api;
      },
      close(by: string, hours: number, merged = false) {
        const closed = snapshot(hours, {
          state: 'closed', closed_at: at(hours), merged_at: merged ? at(hours) : null, merged_by: merged ? user(by) : null,
        });
        emit('pull_request', hours, { action: 'closed', number, pull_request: closed, sender: user(by) });
        return api;
      },
    };
    return api;
  }

  function issue(number: number, author: string, openedAt: number) {
    const item = {
      id: 600_000 + number, number, title: `Issue ${number}`, user: user(author), author_association: 'NONE', state: 'open',
      created_at: at(openedAt), updated_at: at(openedAt), closed_at: null as string | null, labels: [], milestone: null, assignees: [],
    };
    const snapshot = (hours: number, changes: Partial<typeof item> = {}) => ({ ...Object.assign(item, changes, { updated_at: at(hours) }) });
    emit('issues', openedAt, { action: 'opened', issue: snapshot(openedAt), sender: user(author) });
    const api = {
      comment(by: string, hours: number, body: string) {
        const comment = { id: commentId++, user: user(by), created_at: at(hours), updated_at: at(hours), body };
        emit('issue_comment', hours, { action: 'created', issue: snapshot(hours), comment, sender: user(by) });
        return api;
      },
      close(by: string, hours: number) {
        emit('issues', hours, { action: 'closed', issue: snapshot(hours, { state: 'closed', closed_at: at(hours) }), sender: user(by) });
        return api;
      },
    };
    return api;
  }

  // rita's first PR, merged before the window: her PRs in it are not first PRs. (Items are numbered 1–16 without a
  // gap, so the store holds the whole history and every first PR is known: issue 18's rule.)
  pullRequest(13, 'rita', -500).review('alice', -495, 'approved').close('alice', -490, true);

  // 1. Only /retest and /assign: no response; waits on reviewers since its start (82 h at TO), unanswered.
  pullRequest(1, 'nora', 590).comment('alice', 592, '/retest').comment('bob', 593, '/assign @bob');
  // 2. /ok-to-test is nothing; /lgtm 10 h after the start is the first response and the first review. Reviewers' turn, 172 h.
  pullRequest(2, 'rita', 500).comment('alice', 501, '/ok-to-test').comment('bob', 510, '/lgtm');
  // 3. Changes requested; the author's /retest is no answer: the author's turn.
  pullRequest(3, 'omar', 400).review('alice', 420, 'changes_requested').comment('omar', 430, '/retest');
  // 4. Changes requested, the author pushed at 350 and again at 600: reviewers' turn since their last push, 600 (72 h).
  pullRequest(4, 'pia', 300).review('bob', 310, 'changes_requested').push('pia', 350).push('pia', 600);
  // 5. The author answered the first change request, then a second reviewer requested changes: the author's turn.
  pullRequest(5, 'quinn', 200).review('alice', 210, 'changes_requested').comment('quinn', 220, 'Fixed, PTAL').review('bob', 230, 'changes_requested');
  // 6. A maintainer pushed to the author's branch after requesting changes: still the author's turn.
  pullRequest(6, 'ravi', 100).review('alice', 110, 'changes_requested').push('alice', 120);
  // 7. A draft: nobody's turn.
  pullRequest(7, 'sam', 100, { draft: true });
  // 8. A first PR with only a /retest, marked stale and closed by the triage robot's /close (the CI robot closes it).
  pullRequest(8, 'tara', 10)
    .comment('alice', 12, '/retest')
    .comment('k8s-triage-robot', 300, '/lifecycle stale')
    .comment('k8s-triage-robot', 400, '/close')
    .close('k8s-ci-robot', 400);
  // 9. A maintainer's /close carried out by the CI robot: a human's close, not a bot's.
  pullRequest(9, 'uma', 20).comment('bob', 30, '/close').close('k8s-ci-robot', 30);
  // 10. Answered, then closed by a stale bot: not unanswered.
  pullRequest(10, 'vic', 40).comment('alice', 50, 'Could you rebase?').close('stale[bot]', 500);
  // 11. rita's second PR, closed by a stale bot with no answer: counted, but not a first PR.
  pullRequest(11, 'rita', 60).close('stale[bot]', 560);
  // 12. /lgtm and /approve, merged by the CI robot (tide): a review 10 h after the start; a merge is no stale close.
  pullRequest(12, 'will', 100).comment('bob', 110, '/lgtm').comment('alice', 111, '/approve').close('k8s-ci-robot', 112, true);

  // 14. Only /kind and /triage, then closed by the CI robot on the triage robot's /close: unanswered, closed by a bot.
  issue(14, 'xena', 50).comment('alice', 51, '/kind bug\n/triage accepted').comment('k8s-triage-robot', 399, '/close').close('k8s-ci-robot', 400);
  // 15. Answered 1 h after opening, later closed by a stale bot: not unanswered.
  issue(15, 'yan', 60).comment('bob', 61, 'Can you share logs?').close('stale[bot]', 450);
  // 16. The author's own /close carried out by the CI robot.
  issue(16, 'zoe', 70).comment('zoe', 80, '/close').close('k8s-ci-robot', 80);

  return deliveries.sort((a, b) => a.atMs - b.atMs).map(({ atMs: _, ...delivery }) => delivery);
}

/** The config a Kubernetes repository would use: the robots are plain accounts, named as bots. */
export const PROW_CONFIG_YAML = 'ignoreUsers: [k8s-ci-robot, k8s-triage-robot]\n';
