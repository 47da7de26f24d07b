import { describe, expect, it } from 'vitest';
import { analyze, linesOf, yaml } from '../helpers.js';

const SHA = 'a81bbbf8298c0fa03ea29cdc473d45769f953675';

describe('unpinned actions', () => {
  it('reports step and job-level uses at their lines; pinned, local and digest references pass', () => {
    const findings = analyze(yaml`
      on: push
      permissions: {}
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - uses: third-party/tool@v1.2.3
            - uses: third-party/tool@${SHA}
            - uses: ./local/action
            - uses: docker://alpine:3.20
            - uses: docker://alpine@sha256:${'a'.repeat(64)}
        release:
          uses: org/shared/.github/workflows/release.yml@main
    `);
    expect(linesOf(findings, 'unpinned-action')).toEqual([
      [7, 'info'],
      [8, 'warning'],
      [11, 'warning'],
      [14, 'warning'],
    ]);
    expect(findings.find((finding) => finding.line === 11)?.message).toContain('digest');
  });

  it('GitHub-owned actions are info, third-party ones warnings', () => {
    const findings = analyze(yaml`
      on: push
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: github/codeql-action/init@v3
            - uses: someone/actions-checkout@v4
    `);
    expect(linesOf(findings, 'unpinned-action')).toEqual([
      [7, 'info'],
      [8, 'warning'],
    ]);
  });

  it('an alias (uses: *anchor) is reported once, where the anchored reference is written', () => {
    const findings = analyze(yaml`
      on: push
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: &upload actions/upload-artifact@v4
        b:
          runs-on: ubuntu-latest
          steps:
            - uses: *upload
    `);
    expect(linesOf(findings, 'unpinned-action')).toEqual([[7, 'info']]);
  });
});
