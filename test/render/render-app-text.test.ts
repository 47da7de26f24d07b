import { describe, expect, it } from 'vitest';
import { describeAreaName, renderAppText, ruleDocsUrl } from '../../src/render/render-app-text.js';

describe('renderAppText', () => {
  it.each([
    ['Declare `permissions:` at the top', 'Declare `permissions:` at the top'],
    ['Pass `${{ }}` values through env', 'Pass `${{ }}` values through env'],
    ['no **bold** or @team here', 'no \\*\\*bold\\*\\* or @\u200dteam here'],
    ['an unclosed ` tick stays escaped', 'an unclosed \\` tick stays escaped'],
    ['two\nlines', 'two lines'],
  ])('%j', (input, expected) => {
    expect(renderAppText(input)).toBe(expected);
  });
});

describe('describeAreaName', () => {
  it('reads / as the repository root and escapes other names', () => {
    expect(describeAreaName('/')).toBe('the repository root');
    expect(describeAreaName('sig/storage')).toBe('sig/storage');
    expect(describeAreaName('@team')).toBe('@\u200dteam');
  });
});

describe('ruleDocsUrl', () => {
  it('points at the stable anchor of the rule in docs/fallacies.md', () => {
    expect(ruleDocsUrl('feedback-loops-are-tight')).toBe(
      'https://github.com/fallacy-watch/fallacy-watch/blob/main/docs/fallacies.md#feedback-loops-are-tight',
    );
  });
});

describe('docs/fallacies.md anchors', () => {
  it('has a stable anchor for every rule and for silencing a finding', async () => {
    const { readFile } = await import('node:fs/promises');
    const { rules } = await import('../../src/rules/registry.js');
    const docs = await readFile(new URL('../../docs/fallacies.md', import.meta.url), 'utf8');
    for (const id of [...rules.map((rule) => rule.metadata.id), 'suppress']) expect(docs).toContain(`<a id="${id}"></a>`);
  });
});

describe('withoutReality', () => {
  it.each([
    ["If you use a project in unique ways, contribute your feedback and your skill (Hyrum’s law). Announce each one.", "If you use a project in unique ways, contribute your feedback and your skill (Hyrum's law)", 'Announce each one.'],
    ['Timelines are optimistic. Move the date.', 'Timelines are optimistic', 'Move the date.'],
    ['Be extra empathetic and help maintainers help you: spread reviews.', 'Be extra empathetic and help maintainers help you', 'Spread reviews.'],
    ['Timelines are optimistic.', 'Timelines are optimistic', ''],
    ['Something else entirely.', 'Timelines are optimistic', 'Something else entirely.'],
  ])('%j', async (advice, reality, expected) => {
    const { withoutReality } = await import('../../src/render/render-findings.js');
    expect(withoutReality(advice, reality)).toBe(expected);
  });
});
