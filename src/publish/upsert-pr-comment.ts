import type { PagingGitHubPort } from '../github/client.js';

/** Of GitHub, what keeping one sticky comment on a PR takes. */
export type PrCommentWriter = PagingGitHubPort<{ issues: 'listComments' | 'createComment' | 'updateComment' | 'deleteComment' }>;
import { createOnce, NO_BLIND_RETRY } from './create-once.js';
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
export async function upsertPrComment(octokit: PrCommentWriter, input: UpsertPrCommentInput): Promise<UpsertPrCommentAction> {
  if (!input.enabled) return 'disabled';
  const { owner, repo } = input;
  const ours = await listOurComments(octokit, input);
  const sticky = findMarker(ours);
  for (const duplicate of ours.filter((comment) => comment !== sticky)) {
    await deleteComment(octokit, owner, repo, duplicate.id);
  }
  if (input.comment === null) {
    if (!sticky) return 'none';
    await deleteComment(octokit, owner, repo, sticky.id);
    return 'deleted';
  }
  if (!sticky) {
    // A create answered 5xx (or not at all) may have been applied: the comment is looked up again before any retry,
    // since a second one would notify everyone on the pull request again.
    const body = input.comment.body;
    await createOnce(
      async () => (await octokit.rest.issues.createComment({ owner, repo, issue_number: input.pullNumber, body, ...NO_BLIND_RETRY })).data.id,
      async () => findMarker(await listOurComments(octokit, input))?.id,
    );
    return 'created';
  }
  if (readHash(sticky.body) === input.comment.hash) return 'unchanged';
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: sticky.id, body: input.comment.body });
  return 'updated';
}

/** The comments of the pull request this app posted with the sticky marker (anyone can type the marker). */
async function listOurComments(octokit: PrCommentWriter, input: UpsertPrCommentInput) {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: input.owner,
    repo: input.repo,
    issue_number: input.pullNumber,
    per_page: 100,
  });
  return comments.filter(
    (comment) =>
      comment.user?.type === 'Bot' &&
      (input.appId === undefined || comment.performed_via_github_app?.id === input.appId) &&
      hasMarker(comment.body),
  );
}

/** Deletes a comment; one already gone (a retried delete GitHub had applied) is done. */
async function deleteComment(octokit: PrCommentWriter, owner: string, repo: string, commentId: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}
