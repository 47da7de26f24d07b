import { describe, expect, it } from 'vitest';
import { listSlashCommands } from '../../src/core/list-slash-commands.js';

describe('listSlashCommands: a command comment is one whose every non-empty line starts with a slash command', () => {
  it.each([
    { case: 'one command', body: '/retest', commands: ['retest'] },
    { case: 'a command with arguments', body: '/assign @alice @bob', commands: ['assign'] },
    { case: 'hyphenated and upper-case names', body: '/OK-to-test', commands: ['ok-to-test'] },
    { case: 'several lines, blank lines and CRLF between', body: '/lgtm\r\n\r\n  /approve\n/lgtm', commands: ['lgtm', 'approve'] },
    { case: 'prow’s cancel form is still the command', body: '/lgtm cancel', commands: ['lgtm'] },
    { case: 'label commands with a slash in the argument', body: '/kind bug\n/priority important-soon\n/triage accepted', commands: ['kind', 'priority', 'triage'] },
    { case: 'a line of prose makes it an ordinary comment', body: '/lgtm\nnice work, thanks!', commands: [] },
    { case: 'prose first', body: 'Thanks!\n/retest', commands: [] },
    { case: 'a quoted command is prose', body: '> /lgtm', commands: [] },
    { case: 'a path is not a command', body: '/usr/bin/env is missing', commands: [] },
    { case: 'a lone slash', body: '/ lgtm', commands: [] },
    { case: 'a command word must start with a letter', body: '/1234', commands: [] },
    { case: 'a code fence is prose', body: '```\n/retest\n```', commands: [] },
    { case: 'an empty body', body: '', commands: [] },
    { case: 'only whitespace', body: ' \n\t\n', commands: [] },
    { case: 'no body at all', body: null, commands: [] },
  ])('$case', ({ body, commands }) => {
    expect(listSlashCommands(body)).toEqual(commands);
  });

  it('keeps at most 20 distinct commands', () => {
    const body = Array.from({ length: 30 }, (_, i) => `/c${i}`).join('\n');
    expect(listSlashCommands(body)).toHaveLength(20);
  });
});
