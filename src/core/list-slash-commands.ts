/** A line that is a slash command: `/word` at its start, the word followed by whitespace or the line's end. */
const COMMAND_LINE = /^\/([A-Za-z][\w-]{0,49})(?:\s|$)/;

/** At most this many distinct commands are kept from one comment (a comment is stored with its commands, never its body). */
const MAX_COMMANDS = 20;

/**
 * The slash commands of a *command comment* — one whose every non-empty line starts with a slash command, as
 * prow-run communities write them (`/retest`, `/assign @x`, `/lgtm`) — lower-cased, without the slash, distinct, in
 * order of appearance. `[]` for any other comment: an empty body, a line of prose or a quote (`> /lgtm`), a path
 * (`/usr/bin/env is missing`), a code fence. Only the commands are kept, so a comment's body need never be stored.
 */
export function listSlashCommands(body: string | null | undefined): string[] {
  if (!body) return [];
  const commands: string[] = [];
  for (const rawLine of body.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const match = COMMAND_LINE.exec(line);
    if (match === null) return [];
    const name = match[1]!.toLowerCase();
    if (!commands.includes(name) && commands.length < MAX_COMMANDS) commands.push(name);
  }
  return commands;
}
