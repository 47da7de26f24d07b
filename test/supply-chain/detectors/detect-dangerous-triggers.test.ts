import { describe, expect, it } from 'vitest';
import { analyze, linesOf, yaml } from '../helpers.js';

const prTarget = (steps: string) =>
  `on: pull_request_target\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('dangerous triggers', () => {
  it.each([
    ['the head sha', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n', 9],
    ['the head ref', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n', 9],
    ['the merge ref', '      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.number }}/merge\n', 9],
    ['the fork repository', '      - uses: actions/checkout@v4\n        with:\n          repository: ${{ github.event.pull_request.head.repo.full_name }}\n', 9],
    ['gh pr checkout', '      - run: |\n          gh pr checkout ${{ github.event.number }}\n          make\n', 8],
    ['git fetch pull/N/head', '      - run: git fetch origin pull/${{ github.event.number }}/head:pr && git checkout pr\n', 7],
  ])('pull_request_target that checks out %s is an error at that line', (_what, steps, line) => {
    expect(linesOf(analyze(prTarget(steps)), 'dangerous-trigger')).toEqual([[line, 'error']]);
  });

  it.each([
    ['the default ref (the base branch)', '      - uses: actions/checkout@v4\n'],
    ['the base sha', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.base.sha }}\n'],
    ['a fixed branch', '      - uses: actions/checkout@v4\n        with:\n          ref: main\n'],
  ])('pull_request_target that checks out %s is fine', (_what, steps) => {
    expect(linesOf(analyze(prTarget(steps)), 'dangerous-trigger')).toEqual([]);
  });

  it('the same head checkout under pull_request is not a dangerous trigger (no secrets, read-only token)', () => {
    const findings = analyze(yaml`
      on: [pull_request]
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                ref: \${{ github.event.pull_request.head.sha }}
    `);
    expect(linesOf(findings, 'dangerous-trigger')).toEqual([]);
  });

  it('workflow_run that checks out the triggering run head is an error', () => {
    const findings = analyze(yaml`
      on:
        workflow_run:
          workflows: [ci]
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                ref: \${{ github.event.workflow_run.head_sha }}
    `);
    expect(linesOf(findings, 'dangerous-trigger')).toEqual([[11, 'error']]);
    expect(findings.find((finding) => finding.kind === 'dangerous-trigger')?.message).toContain('"workflow_run"');
  });
});
