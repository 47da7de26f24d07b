import nock from 'nock';
import pino from 'pino';
import { Context } from 'probot';
import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import { loadRepositoryConfig } from '../../src/config/load-repository-config.js';
import { createTestOctokit } from '../helpers/octokit.js';
import { useStrictNock } from '../helpers/strict-nock.js';

/** A Probot context for a push to `octo/widgets`: `context.config` reads through the test Octokit. */
function aContext(): Context {
  const event = { id: '1', name: 'push', payload: { repository: { name: 'widgets', owner: { login: 'octo' } } } };
  return new Context(event as never, createTestOctokit() as never, pino({ level: 'silent' }) as never);
}

const CONFIG_FILE = /\/contents\/\.github(%2F|\/)fallacy-watch\.yml/;

describe('loadRepositoryConfig', () => {
  useStrictNock();

  it('reads and validates the repository’s file', async () => {
    nock('https://api.github.com')
      .get((uri) => uri.startsWith('/repos/octo/widgets/') && CONFIG_FILE.test(uri))
      .reply(200, 'windowDays: 14\ncolour: blue\n', { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    const { config, errors, warnings } = await loadRepositoryConfig(aContext());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ path: 'colour', message: 'unknown key (ignored)' }]);
    expect(config.windowDays).toBe(14);
  });

  it('falls back to the organisation’s .github repository, and to the defaults when neither has the file', async () => {
    nock('https://api.github.com')
      .get((uri) => uri.startsWith('/repos/octo/widgets/') && CONFIG_FILE.test(uri))
      .reply(404, { message: 'Not Found' })
      .get((uri) => uri.startsWith('/repos/octo/.github/') && CONFIG_FILE.test(uri))
      .reply(404, { message: 'Not Found' });
    expect(await loadRepositoryConfig(aContext())).toEqual({ config: createDefaultConfig(), errors: [], warnings: [] });
  });

  it('layers `_extends` files the way Probot does (objects merged, lists concatenated)', async () => {
    nock('https://api.github.com')
      .get((uri) => uri.startsWith('/repos/octo/widgets/') && CONFIG_FILE.test(uri))
      .reply(200, '_extends: .github\nwindowDays: 14\nignoreUsers: [local-bot]\n', {
        'content-type': 'application/vnd.github.raw; charset=utf-8',
      })
      .get((uri) => uri.startsWith('/repos/octo/.github/') && CONFIG_FILE.test(uri))
      .reply(200, 'windowDays: 7\nslaHours: 24\nignoreUsers: [org-bot]\n', { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    const { config, errors } = await loadRepositoryConfig(aContext());
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ windowDays: 14, slaHours: 24 });
    expect([...config.ignoreUsers].sort()).toEqual(['local-bot', 'org-bot']);
  });

  it('reports a YAML syntax error with its line and uses the defaults', async () => {
    nock('https://api.github.com')
      .get((uri) => uri.startsWith('/repos/octo/widgets/') && CONFIG_FILE.test(uri))
      .reply(200, 'windowDays: 14\nrules:\n  a: b: c\n', { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    const { config, errors } = await loadRepositoryConfig(aContext());
    expect(errors).toEqual([
      { path: '', line: 3, message: expect.stringMatching(/invalid YAML.*; using the defaults$/) },
    ]);
    expect(config).toEqual(createDefaultConfig());
  });
});
