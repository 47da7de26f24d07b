import { describe, expect, it } from 'vitest';
import { analyze, linesOf, yaml } from '../helpers.js';

describe('token permissions', () => {
  it('no top-level permissions: a file-level warning (line 0)', () => {
    const findings = analyze(yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: make
    `);
    expect(linesOf(findings, 'missing-permissions')).toEqual([[0, 'warning']]);
  });

  it('no top-level permissions but every job declares its own: info only', () => {
    const findings = analyze(yaml`
      on: push
      jobs:
        a:
          runs-on: ubuntu-latest
          permissions:
            contents: read
          steps:
            - run: make
    `);
    expect(linesOf(findings, 'missing-permissions')).toEqual([[0, 'info']]);
  });

  it('an empty top-level permissions block and read-all are declarations, not problems', () => {
    for (const block of ['permissions:', 'permissions: {}', 'permissions: read-all']) {
      const findings = analyze(`on: push\n${block}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`);
      expect(findings, block).toEqual([]);
    }
  });

  it('write-all is an error at workflow and at job level, on the line of the value', () => {
    const findings = analyze(yaml`
      on: push
      permissions: write-all
      jobs:
        a:
          runs-on: ubuntu-latest
          permissions: write-all
          steps:
            - run: make
    `);
    expect(linesOf(findings, 'broad-permissions')).toEqual([
      [2, 'error'],
      [6, 'error'],
    ]);
  });

  it('broad write scopes are warnings; issues / pull-requests / id-token writes are not reported', () => {
    const findings = analyze(yaml`
      on: push
      permissions:
        contents: write
        issues: write
        pull-requests: write
        id-token: write
        statuses: write
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: make
    `);
    expect(linesOf(findings, 'broad-permissions')).toEqual([
      [3, 'warning'],
      [7, 'warning'],
    ]);
  });

  it('a job-level write its steps need (release, package publish, SARIF upload) is accepted; others are reported', () => {
    const findings = analyze(yaml`
      on: push
      permissions: read-all
      jobs:
        release:
          runs-on: ubuntu-latest
          permissions:
            contents: write
          steps:
            - uses: softprops/action-gh-release@c062e08bd532815e2082a85e87e3ef29c3e6d191
        publish:
          runs-on: ubuntu-latest
          permissions:
            packages: write
          steps:
            - run: docker push ghcr.io/o/r:1
        scan:
          runs-on: ubuntu-latest
          permissions:
            security-events: write
            contents: write
          steps:
            - uses: github/codeql-action/upload-sarif@c062e08bd532815e2082a85e87e3ef29c3e6d191
    `);
    expect(linesOf(findings, 'broad-permissions')).toEqual([[20, 'warning']]);
    expect(findings[0]?.message).toContain('job "scan" has "contents: write"');
  });

  it('a workflow-level write is reported even when a job needs it: it belongs on that job', () => {
    const findings = analyze(yaml`
      on: push
      permissions:
        contents: write
      jobs:
        release:
          runs-on: ubuntu-latest
          steps:
            - run: npx semantic-release
    `);
    expect(linesOf(findings, 'broad-permissions')).toEqual([[3, 'warning']]);
  });
});
