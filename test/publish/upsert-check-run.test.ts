import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { checkRunExternalId, upsertCheckRun } from '../../src/publish/upsert-check-run.js';
import type { CheckRunAnnotation, CheckRunOutput } from '../../src/render/index.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

const API = 'https://api.github.com';
const LIST = '/repos/acme/app/commits/c0ffee/check-runs';
const LIST_QUERY = { check_name: 'Community health', filter: 'all', per_page: '100', app_id: '1' };

function anAnnotation(line: number): CheckRunAnnotation {
  return { path: '.github/workflows/ci.yml', start_line: line, end_line: line, annotation_level: 'warning', title: `t${line}`, message: `m${line}` };
}

function anOutput(annotations: number): CheckRunOutput {
  return {
    conclusion: 'neutral',
    title: '2 findings',
    summary: 'summary',
    text: 'details',
    annotations: Array.from({ length: annotations }, (_, index) => anAnnotation(index + 1)),
  };
}

const input = (annotations: number) => ({
  owner: 'acme',
  repo: 'app',
  headSha: 'c0ffee',
  output: anOutput(annotations),
  completedAt: new Date('2026-11-21T12:00:00Z'),
  appId: 1,
});

describe('upsertCheckRun', () => {
  useStrictNock();

  it('creates the run with the first 50 annotations and sends the rest in further updates of 50', async () => {
    const sent: number[] = [];
    nock(API)
      .get(LIST)
      .query(LIST_QUERY)
      .reply(200, { total_count: 0, check_runs: [] })
      .post('/repos/acme/app/check-runs', (body: { name: string; head_sha: string; status: string; completed_at: string; output: { annotations: unknown[] } }) => {
        sent.push(body.output.annotations.length);
        return body.name === 'Community health' && body.head_sha === 'c0ffee' && body.status === 'completed' && body.completed_at === '2026-11-21T12:00:00.000Z';
      })
      .reply(201, { id: 5 })
      .patch('/repos/acme/app/check-runs/5', (body: { output: { title: string; summary: string; annotations: unknown[] } }) => {
        sent.push(body.output.annotations.length);
        return body.output.title === '2 findings' && body.output.summary === 'summary';
      })
      .times(2)
      .reply(200, { id: 5 });
    const result = await upsertCheckRun(createTestOctokit(), input(120));
    expect(result).toEqual({ action: 'created', checkRunId: 5, annotationsSent: 120, writes: 3 });
    expect(sent).toEqual([50, 50, 20]);
  });

  it('updates this app’s run of the head commit, never another app’s, sending only annotations it lacks', async () => {
    let update: { conclusion: string; output: { annotations: CheckRunAnnotation[] } } | undefined;
    nock(API)
      .get(LIST)
      .query(LIST_QUERY)
      .reply(200, {
        total_count: 2,
        check_runs: [
          { id: 9, name: 'Community health', head_sha: 'c0ffee', app: { id: 2 }, output: { annotations_count: 0 } },
          { id: 6, name: 'Community health', head_sha: 'c0ffee', app: { id: 1 }, output: { annotations_count: 2 } },
        ],
      })
      .get('/repos/acme/app/check-runs/6/annotations')
      .query({ per_page: '100' })
      .reply(200, [anAnnotation(1), anAnnotation(2)].map((annotation) => ({ ...annotation, blob_href: 'https://x' })))
      .patch('/repos/acme/app/check-runs/6', (body: typeof update) => {
        update = body;
        return true;
      })
      .reply(200, { id: 6 });
    const result = await upsertCheckRun(createTestOctokit(), input(3));
    expect(result).toEqual({ action: 'updated', checkRunId: 6, annotationsSent: 1, writes: 1 });
    expect(update?.conclusion).toBe('neutral');
    expect(update?.output.annotations).toEqual([anAnnotation(3)]);
  });

  it('writes nothing when the run already shows this content (its external_id carries the content hash)', async () => {
    nock(API)
      .get(LIST)
      .query(LIST_QUERY)
      .times(20)
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: 6, name: 'Community health', head_sha: 'c0ffee', app: { id: 1 }, external_id: checkRunExternalId(anOutput(3)), output: { annotations_count: 3 } }],
      });
    for (let refresh = 0; refresh < 20; refresh += 1) {
      expect(await upsertCheckRun(createTestOctokit(), input(3))).toEqual({ action: 'unchanged', checkRunId: 6, annotationsSent: 0, writes: 0 });
    }
  });

  it('updates, with the new hash, when anything it shows changed', async () => {
    let externalId: string | undefined;
    nock(API)
      .get(LIST)
      .query(LIST_QUERY)
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: 6, name: 'Community health', head_sha: 'c0ffee', app: { id: 1 }, external_id: checkRunExternalId(anOutput(0)), output: { annotations_count: 0 } }],
      })
      .patch('/repos/acme/app/check-runs/6', (body: { external_id: string }) => {
        externalId = body.external_id;
        return true;
      })
      .reply(200, { id: 6 });
    const changed = { ...input(0), output: { ...anOutput(0), summary: 'another summary' } };
    expect((await upsertCheckRun(createTestOctokit(), changed)).action).toBe('updated');
    expect(externalId).toBe(checkRunExternalId(changed.output));
    expect(externalId).not.toBe(checkRunExternalId(anOutput(0)));
  });
});
