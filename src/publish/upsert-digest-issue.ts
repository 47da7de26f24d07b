import type { PagingGitHubPort } from '../github/client.js';

/** Of GitHub, what keeping one digest issue a week takes: its label, the digest issues, creating, editing and closing them. */
export type DigestIssueWriter = PagingGitHubPort<{ issues: 'listForRepo' | 'create' | 'update' | 'getLabel' | 'createLabel' }>;
import { createOnce, NO_BLIND_RETRY } from './create-once.js';
import { DIGEST_LABEL, type Digest, readDigestMarker, readHash } from '../render/index.js';

export interface UpsertDigestIssueInput {
  /** Where the issue goes: the repository itself, or the configured `digest.repository`. */
  owner: string;
  repo: string;
  /** `owner/name` the digest is about (its marker names it, so one target repository can hold several). */
  repository: string;
  /** `YYYY-MM-DD`, the digest's week. */
  weekOf: string;
  /** Renders the digest, given the previous digest to link to. */
  render: (previousDigest: { number: number; url: string } | null) => Digest;
  /** This app's id: only issues it opened count as digests. */
  appId?: number;
}

export interface UpsertDigestIssueResult {
  action: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
  /** Earlier digests of this repository closed now. */
  closed: number[];
}

/** The label's colour and description when fallacy-watch creates it. */
const LABEL_COLOR = '0e8a16';
const LABEL_DESCRIPTION = 'Weekly community-health digest by fallacy-watch';

interface DigestIssue {
  number: number;
  url: string;
  state: string;
  body: string;
  weekOf: string;
}

/**
 * Exactly one digest issue per repository per week: the digests are found by the `community-health` label and the
 * hidden marker (repository and week) among issues this app opened, so however often the job runs, and across
 * restarts, a week gets one issue. This week's digest is edited only when its content hash changed; a new one links
 * the previous digest and is labelled (the label is created when missing); earlier digests still open are closed.
 */
export async function upsertDigestIssue(octokit: DigestIssueWriter, input: UpsertDigestIssueInput): Promise<UpsertDigestIssueResult> {
  const { owner, repo } = input;
  const digests = await listDigests(octokit, input);
  const current = digests.find((issue) => issue.weekOf === input.weekOf);
  const earlier = digests.filter((issue) => issue.weekOf < input.weekOf).sort((a, b) => (a.weekOf < b.weekOf ? 1 : -1));
  const previous = earlier[0] ? { number: earlier[0].number, url: earlier[0].url } : null;
  const digest = input.render(previous);

  let action: UpsertDigestIssueResult['action'];
  let issue: { number: number; url: string };
  if (current) {
    issue = current;
    if (readHash(current.body) === digest.hash) {
      action = 'unchanged';
    } else {
      await octokit.rest.issues.update({ owner, repo, issue_number: current.number, title: digest.title, body: digest.body });
      action = 'updated';
    }
  } else {
    await ensureLabel(octokit, owner, repo);
    // A create answered 5xx (or not at all) may have been applied: this week's digest is looked up again before any retry.
    issue = await createOnce(
      async () => {
        const { data } = await octokit.rest.issues.create({ owner, repo, title: digest.title, body: digest.body, labels: digest.labels, ...NO_BLIND_RETRY });
        return { number: data.number, url: data.html_url };
      },
      async () => (await listDigests(octokit, input)).find((found) => found.weekOf === input.weekOf),
    );
    action = 'created';
  }
  const closed: number[] = [];
  for (const old of earlier.filter((item) => item.state === 'open')) {
    await octokit.rest.issues.update({ owner, repo, issue_number: old.number, state: 'closed', state_reason: 'completed' });
    closed.push(old.number);
  }
  return { action, number: issue.number, url: issue.url, closed };
}

async function listDigests(octokit: DigestIssueWriter, input: UpsertDigestIssueInput): Promise<DigestIssue[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: input.owner,
    repo: input.repo,
    labels: DIGEST_LABEL,
    state: 'all',
    per_page: 100,
  });
  const wanted = input.repository.toLowerCase();
  return issues.flatMap((issue) => {
    if (issue.pull_request || issue.user?.type !== 'Bot') return [];
    if (input.appId !== undefined && issue.performed_via_github_app?.id !== input.appId) return [];
    const marker = readDigestMarker(issue.body);
    if (!marker || marker.repository.toLowerCase() !== wanted) return [];
    return [{ number: issue.number, url: issue.html_url, state: issue.state, body: issue.body ?? '', weekOf: marker.weekOf }];
  });
}

/** Creates the `community-health` label when the repository does not have it. */
async function ensureLabel(octokit: DigestIssueWriter, owner: string, repo: string): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name: DIGEST_LABEL });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
    await octokit.rest.issues.createLabel({ owner, repo, name: DIGEST_LABEL, color: LABEL_COLOR, description: LABEL_DESCRIPTION });
  }
}
