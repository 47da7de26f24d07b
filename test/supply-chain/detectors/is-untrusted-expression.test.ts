import { describe, expect, it } from 'vitest';
import { isUntrustedExpression } from '../../../src/supply-chain/detectors/is-untrusted-expression.js';
import { readWorkflowFixture } from '../helpers.js';

interface ContextVector {
  variable: string;
  untrusted: boolean;
  name: string;
}
const vectors = (JSON.parse(readWorkflowFixture('uses_pinning_and_context_vectors.json')) as { untrusted_context: ContextVector[] })
  .untrusted_context;

describe('isUntrustedExpression — Scorecard TestUntrustedContextVariables vectors (exact)', () => {
  it('has the 19 vectors', () => expect(vectors).toHaveLength(19));
  it.each(vectors)('$variable → untrusted: $untrusted ($name)', ({ variable, untrusted }) => {
    expect(isUntrustedExpression(variable)).toBe(untrusted);
  });
});

describe('isUntrustedExpression — our additions beyond the vectors', () => {
  it.each([
    ['github.event.head_commit.committer.name', true],
    ['github.event.workflow_run.head_branch', true],
    ['github.event.workflow_run.display_title', true],
    ['github.event.review_comment.body', true],
    ['github.event.pull_request.head.sha', false],
    ['github.event.pull_request.base.ref', false],
    ['secrets.GITHUB_TOKEN', false],
    ['github.repository', false],
    // Outside github.event the field names mean nothing: a step output called "title" is ours.
    ['steps.meta.outputs.issue.title', false],
  ])('%s → %s', (expression, untrusted) => expect(isUntrustedExpression(expression)).toBe(untrusted));
});
