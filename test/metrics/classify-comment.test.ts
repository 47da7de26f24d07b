import { describe, expect, it } from 'vitest';
import { createCommentClassifier, type ResponseSettings } from '../../src/metrics/classify-comment.js';

describe('createCommentClassifier: what a comment counts as, by its slash commands', () => {
  it.each<{ case: string; commands: string[]; settings?: ResponseSettings; expected: string }>([
    { case: 'an ordinary comment is a response', commands: [], expected: 'response' },
    { case: '/lgtm is a review', commands: ['lgtm'], expected: 'review' },
    { case: '/approve is a review', commands: ['approve'], expected: 'review' },
    { case: 'a review command among others makes it a review', commands: ['retest', 'lgtm'], expected: 'review' },
    { case: '/retest counts as nothing by default', commands: ['retest'], expected: 'ignored' },
    { case: 'several other commands count as nothing', commands: ['assign', 'cc', 'kind', 'priority'], expected: 'ignored' },
    {
      case: 'configured review commands replace the defaults (with or without the slash, any case)',
      commands: ['lgtm'],
      settings: { reviewCommands: ['/Approve'] },
      expected: 'ignored',
    },
    { case: 'a configured review command', commands: ['approve'], settings: { reviewCommands: ['/Approve'] }, expected: 'review' },
    {
      case: 'with a listed ignoreCommands, an unlisted command is a response',
      commands: ['hold'],
      settings: { ignoreCommands: ['retest', '/assign'] },
      expected: 'response',
    },
    { case: 'with a listed ignoreCommands, listed commands are ignored', commands: ['retest', 'assign'], settings: { ignoreCommands: ['retest', '/assign'] }, expected: 'ignored' },
    { case: 'no review commands at all', commands: ['lgtm'], settings: { reviewCommands: [] }, expected: 'ignored' },
  ])('$case', ({ commands, settings, expected }) => {
    expect(createCommentClassifier(settings)({ commands })).toBe(expected);
  });
});
