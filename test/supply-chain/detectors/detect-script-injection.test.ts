import { describe, expect, it } from 'vitest';
import { analyze, linesOf, yaml } from '../helpers.js';

describe('script injection', () => {
  it('reports each untrusted expression at its own line inside a block script', () => {
    const findings = analyze(yaml`
      on: issues
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - run: |
                echo "number \${{ github.event.issue.number }}"
                title="\${{ github.event.issue.title }}"
                echo ok
                body="\${{ github.event.issue.body }}" ref="\${{ github.head_ref }}"
    `);
    expect(linesOf(findings, 'script-injection')).toEqual([
      [9, 'error'],
      [11, 'error'],
      [11, 'error'],
    ]);
    expect(findings[0]?.message).toContain('github.event.issue.title');
  });

  it('an untrusted value passed through env: is the safe pattern and is not reported', () => {
    const findings = analyze(yaml`
      on: issues
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - env:
                TITLE: \${{ github.event.issue.title }}
              run: echo "$TITLE"
    `);
    expect(findings).toEqual([]);
  });

  it('also looks into actions/github-script inline scripts', () => {
    const findings = analyze(yaml`
      on: pull_request_target
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
              with:
                script: |
                  const title = "\${{ github.event.pull_request.title }}";
    `);
    expect(linesOf(findings, 'script-injection')).toEqual([[10, 'error']]);
  });
});
