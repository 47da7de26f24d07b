import { describe, expect, it } from 'vitest';
import { readPublishedOutputs } from '../../src/demo/read-published-outputs.js';

const annotation = (line: number) => ({ path: 'a.yml', start_line: line, end_line: line, annotation_level: 'warning' as const, title: 't', message: 'm' });

describe('readPublishedOutputs', () => {
  it('merges a check run’s create and its annotation batches into what GitHub shows', () => {
    const { checkRun } = readPublishedOutputs(
      [
        { method: 'POST', path: '/repos/o/r/check-runs', body: { conclusion: 'neutral', output: { title: 'T', summary: 'S', text: 'X', annotations: [annotation(1)] } } },
        { method: 'PATCH', path: '/repos/o/r/check-runs/5', body: { output: { title: 'T', summary: 'S', annotations: [annotation(2)] } } },
      ],
      3,
    );
    expect(checkRun).toEqual({ conclusion: 'neutral', title: 'T', summary: 'S', text: 'X', annotations: [annotation(1), annotation(2)] });
  });

  it('follows the sticky comment of the pull request through edits and a delete', () => {
    const created = { method: 'POST', path: '/repos/o/r/issues/3/comments', body: { body: 'first' } };
    const edited = { method: 'PATCH', path: '/repos/o/r/issues/comments/9', body: { body: 'second' } };
    expect(readPublishedOutputs([created, edited], 3).prComment).toBe('second');
    expect(readPublishedOutputs([created, { method: 'DELETE', path: '/repos/o/r/issues/comments/9', body: {} }], 3).prComment).toBeNull();
    expect(readPublishedOutputs([created], 4).prComment).toBeNull();
  });

  it('takes the digest issue as created, then as edited', () => {
    const outputs = readPublishedOutputs(
      [
        { method: 'POST', path: '/repos/o/r/labels', body: { name: 'community-health' } },
        { method: 'POST', path: '/repos/o/r/issues', body: { title: 'Digest', body: 'one', labels: ['community-health'] } },
        { method: 'PATCH', path: '/repos/o/r/issues/10000', body: { body: 'two' } },
      ],
      3,
    );
    expect(outputs.digest).toEqual({ title: 'Digest', body: 'two' });
    expect(outputs.checkRun).toBeNull();
  });
});
