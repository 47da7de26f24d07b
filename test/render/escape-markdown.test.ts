import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';
import { sanitizePlainText, truncateText } from '../../src/render/sanitize-plain-text.js';

const ZWJ = '\u200d';
const ZWSP = '\u200b';

describe('escapeMarkdown', () => {
  it.each([
    ['plain words stay as they are', 'sig storage approvers', 'sig storage approvers'],
    ['a slash in an area name stays', 'sig/storage', 'sig/storage'],
    ['@login gets a zero-width joiner, so it is no mention', '@octocat', `@${ZWJ}octocat`],
    ['@org/team is no team mention', '@acme/owners', `@${ZWJ}acme/owners`],
    ['#123 is no issue reference', 'fixes #123', `fixes \\#${ZWJ}123`],
    ['owner/repo#2 is no cross-repository reference', 'org/repo#2', `org/repo\\#${ZWJ}2`],
    ['GH-1 is no reference', 'see GH-1 and gh-22', `see GH-${ZWJ}1 and gh-${ZWJ}22`],
    ['HTML becomes entities', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an ampersand cannot start an entity', '&amp;', '&amp;amp;'],
    ['pipes cannot break a table cell', 'a | b', 'a \\| b'],
    ['brackets cannot make a link', '[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['emphasis and code marks are escaped', '*b* _i_ `c` ~s~', '\\*b\\* \\_i\\_ \\`c\\` \\~s\\~'],
    ['dollar signs make no math', '$x^2$', '\\$x^2\\$'],
    ['a backslash is escaped first', 'a\\b', 'a\\\\b'],
    ['line breaks become spaces', 'one\ntwo\r\nthree', 'one two three'],
    ['a leading dash starts no list', '- item', '\\- item'],
    ['a leading number starts no ordered list', '1. item', '1\\. item'],
    ['an issue URL is no autolink (a URL cross-references too)', 'https://github.com/o/r/issues/9', `https:${ZWSP}//github.com/o/r/issues/9`],
    ['www. is no autolink', 'www.example.com', `www${ZWSP}.example.com`],
    ['an e-mail address is no mailto link', 'me@example.com', `me@${ZWJ}example.com`],
    ['bidi overrides and control characters are removed', 'a\u202eb\u0007c\u001b[31m', 'abc\\[31m'],
  ])('%s', (_, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('cuts long text before escaping, on a code point boundary', () => {
    expect(escapeMarkdown('😀😀😀😀', { maxLength: 3 })).toBe('😀😀…');
  });
});

describe('sanitizePlainText', () => {
  it('keeps one line and no control characters, but no markdown escaping', () => {
    expect(sanitizePlainText('\u001b[2Jtitle\nwith *stars* @me')).toBe('[2Jtitle with *stars* @me');
  });

  it('truncates by code points', () => {
    expect(truncateText('abcdef', 4)).toBe('abc…');
    expect(truncateText('abc', 4)).toBe('abc');
  });
});
