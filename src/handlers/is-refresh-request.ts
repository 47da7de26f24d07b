/** Who may ask for a refresh: people with write access, as `author_association` tells. */
export const REFRESH_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** `/fallacy-watch refresh` at the start of a line of the comment. */
const REFRESH_COMMAND = /^\s*\/fallacy-watch\s+refresh\s*$/im;

/** The part of an `issue_comment` payload's comment the refresh command reads. */
export interface RefreshComment {
  body?: string | null;
  author_association?: string;
  user?: { login?: string; type?: string } | null;
}

/**
 * Whether a comment asks for a refresh and its author may: pure, for the handler, the web process (which tells the
 * workers, in the delivery's ticket, whether a comment has anything to do) and their tests.
 */
export function isRefreshRequest(comment: RefreshComment | undefined): boolean {
  if (!comment?.body || comment.user?.type === 'Bot') return false;
  return REFRESH_ASSOCIATIONS.includes(comment.author_association ?? '') && REFRESH_COMMAND.test(comment.body);
}
