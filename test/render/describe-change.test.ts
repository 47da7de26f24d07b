import { describe, expect, it } from 'vitest';
import { describeChange, formatChange } from '../../src/render/describe-change.js';
import { formatFigure } from '../../src/render/format-figure.js';

describe('describeChange', () => {
  it.each([
    ['a latency going down is better', 10, 20, 'lower', '↓ better'],
    ['a latency going up is worse', 30, 20, 'lower', '↑ worse'],
    ['more active reviewers is better', 5, 4, 'higher', '↑ better'],
    ['fewer active reviewers is worse', 3, 4, 'higher', '↓ worse'],
    ['a change under 5% is steady', 20.5, 20, 'lower', '→'],
    ['no change is steady', 0, 0, 'lower', '→'],
    ['from zero is a change', 2, 0, 'lower', '↑ worse'],
    ['a count with no good direction gets an arrow only', 22, 20, 'neither', '↑'],
    ['missing data gets no arrow', null, 20, 'lower', ''],
  ] as const)('%s', (_, current, previous, better, text) => {
    expect(formatChange(describeChange(current, previous, better))).toBe(text);
  });
});

describe('formatFigure', () => {
  it.each([
    [null, 'hours', '—'],
    [0.5, 'hours', '30 min'],
    [9.54, 'hours', '9.5 h'],
    [20, 'hours', '20 h'],
    [101, 'hours', '4.2 d'],
    [0.714, 'share', '71%'],
    [6.55, 'ratio', '6.6'],
    [1234, 'count', '1,234'],
    [9.5, 'days', '9.5 d'],
  ] as const)('%s %s reads as %s', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });
});
