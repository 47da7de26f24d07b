import { z } from 'zod';
import { DEFAULT_IGNORE_COMMANDS, DEFAULT_REVIEW_COMMANDS } from '../metrics/classify-comment.js';

/** A slash command as the config names it: `lgtm` or `/lgtm` (compared case-insensitively). */
const commandSchema = z
  .string()
  .regex(/^\/?[A-Za-z][\w-]*$/, { error: 'expected a slash command such as `/lgtm` or `lgtm`' });

/**
 * `responses`: how prow-style command comments (every non-empty line a `/command`) count. Review commands are a
 * response and a review by that human at that time; ignored commands count as neither; other commands are responses.
 */
export const responsesConfigSchema = z
  .strictObject({
    reviewCommands: z
      .array(commandSchema)
      .default([...DEFAULT_REVIEW_COMMANDS])
      .describe('Slash commands that make a command comment a response and a review by its author (`/lgtm`, `/approve`).'),
    ignoreCommands: z
      .array(z.union([z.literal('*'), commandSchema]))
      .default([...DEFAULT_IGNORE_COMMANDS])
      .describe(
        'Slash commands that make a command comment count as no response (`/retest`, `/assign`, `/cc`, …); `*` stands ' +
          'for every command that is not a review command. A command listed in neither is a response.',
      ),
  })
  .prefault({})
  .describe('How slash-command comments (as prow-run communities write them) count for response and review times.');
