import type { GitHubClient } from '../github/client.js';
import { findMarker, hasMarker, type PrComment, readHash } from '../render/index.js';

export interface UpsertPrCommentInput {
  owner: string;
  repo: string;
  pullNumber: number;
  /** What `renderPrComment` returned: `null` when there is nothing for the author to know. */
  comment: PrComment | null;
  /** `comment.enabled` from the config: when `false`, nothing is read or written. */
  enabled: boolean;
  /** This app's id: only comments it posted count as the sticky one. */
  appId?: number;
}

export type UpsertPrCommentAction = 'disabled' | 'created' | 'updated' | 'unchanged' | 'deleted' | 'none';

/**
 * Keeps the one sticky comment of a pull request: found among the PR's comments (paginated) by its hidden marker,
 * among comments this app posted (anyone can type the marker). Created only when there is a comment to post;
 * edited only when the content hash it carries changed; deleted when it no longer applies (deleting rather than
 * minimizing: a collapsed "outdated" comment still tells the author something that is no longer true, and deletion
 * needs no GraphQL node id). Duplicates left by a race between two deliveries are deleted too.
 */
export async function upsertPrComment(octokit: GitHubClient, input: UpsertPrCommentInput): Promise<UpsertPrCommentAction> {
  if (!input.enabled) return 'disabled';
  const { owner, repo } = input;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: input.pullNumber,
    per_page: 100,
  });
  const ours = comments.filter(
    (comment) =>
      comment.user?.type === 'Bot' &&
      (input.appId === undefined || comment.performed_via_github_app?.id === input.appId) &&
      hasMarker(comment.body),
  );
  const sticky = findMarker(ours);
  for (const duplicate of ours.filter((comment) => comment !== sticky)) {
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
  }
  if (input.comment === null) {
    if (!sticky) return 'none';
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: sticky.id });
    return 'deleted';
  }
  if (!sticky) {
    await octokit.rest.issues.createComment({ owner, repo, issue_number: input.pullNumber, body: input.comment.body });
    return 'created';
  }
  if (readHash(sticky.body) === input.comment.hash) return 'unchanged';
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: sticky.id, body: input.comment.body });
  return 'updated';
}
