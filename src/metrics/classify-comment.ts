import type { CommentRecord } from '../core/records.js';

/**
 * What a comment counts as (spec, "Responses and whose turn"): an ordinary `response`; a `review` command comment
 * (`/lgtm`, `/approve`), which is a response and a review by its author at its time; or an `ignored` command comment
 * (`/retest`, `/assign`, …), which is neither.
 */
export type CommentClass = 'response' | 'review' | 'ignored';

/** Which slash commands count how (config `responses`). Names are compared lower-case, with or without the `/`. */
export interface ResponseSettings {
  /** Commands that make a command comment a review. Default `lgtm`, `approve`. */
  reviewCommands?: readonly string[];
  /** Commands that make a command comment count as nothing; `*` stands for every command that is not a review command. Default `*`. */
  ignoreCommands?: readonly string[];
}

export const DEFAULT_REVIEW_COMMANDS: readonly string[] = ['lgtm', 'approve'];
export const DEFAULT_IGNORE_COMMANDS: readonly string[] = ['*'];

/** The prow command by which a human has a bot close an item: the close is then theirs, not the bot's. */
export const CLOSE_COMMAND = 'close';

const normalize = (command: string) => command.replace(/^\//, '').toLowerCase();

/**
 * A classifier of comments by their stored `commands`: an ordinary comment (no commands) is a response; a command
 * comment with any review command is a review; one whose every command is ignored is ignored; any other command
 * comment (only when `ignoreCommands` lists commands instead of `*`) is a response.
 */
export function createCommentClassifier(settings: ResponseSettings = {}): (comment: Pick<CommentRecord, 'commands'>) => CommentClass {
  const review = new Set((settings.reviewCommands ?? DEFAULT_REVIEW_COMMANDS).map(normalize));
  const ignoreList = (settings.ignoreCommands ?? DEFAULT_IGNORE_COMMANDS).map(normalize);
  const ignoreAll = ignoreList.includes('*');
  const ignore = new Set(ignoreList);
  return ({ commands }) => {
    if (commands.length === 0) return 'response';
    if (commands.some((command) => review.has(command))) return 'review';
    if (commands.every((command) => ignoreAll || ignore.has(command))) return 'ignored';
    return 'response';
  };
}
