import { describe, expect, it } from 'vitest';
import { renderTerminalSummary } from '../../src/render/render-terminal-summary.js';
import { aReport, realisticReport } from './fixtures.js';

describe('renderTerminalSummary', () => {
  const text = renderTerminalSummary(realisticReport);

  it('starts with the repository and window', () => {
    expect(text.split('\n')[0]).toBe('fallacy-watch · acme/kube-widgets · 2026-10-25 to 2026-11-22');
  });

  it('shows one padded line per area with arrows', () => {
    expect(text).toContain('sig/storage   4.2 d ↑       10.8 d ↑  4 ↑         2 ↓        6.5 ↑');
  });

  it('groups findings by fallacy with The Reality, numbers and advice, without markdown', () => {
    expect(text).toContain('  [8] Staffing across project areas is homogeneous — The Reality: Critical areas are the ones that are often understaffed');
    expect(text).toContain('    error   (repository) .github/workflows/pr-label.yml:3  pull_request_target workflow checks out the pull request head');
    expect(text).toContain('numbers: top reviewer share: 71%; reviewer absence factor: 1; active reviewers: 2');
    expect(text).not.toContain('**');
  });

  it('says so when there are no findings', () => {
    expect(renderTerminalSummary(aReport())).toContain('No findings.');
  });
});
