import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeError } from '../../src/cli/cli-error.js';
import { runMainCaptured } from '../helpers/run-main-captured.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-mistakes-'));
const cwd = process.cwd();
beforeAll(() => {
  mkdirSync(join(dir, 'not-a-checkout'));
  writeFileSync(join(dir, 'a-file'), 'x');
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const run = runMainCaptured;

const noEnv = { APP_ID: undefined, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: undefined, WEBHOOK_SECRET: undefined, REDIS_URL: undefined };

describe('every CLI mistake is one line on stderr and a non-zero exit', () => {
  it.each([
    [['report', 'acme/widgets', '--config', 'missing.yml'], 'fallacy-watch: report: --config missing.yml: no such file'],
    [['report', 'acme/widgets', '--dir', 'not-a-checkout'], /^fallacy-watch: report: --dir: not a git checkout \(no \.git\): .*not-a-checkout$/],
    [['report', 'notarepo'], 'fallacy-watch: report: expected owner/repo, got "notarepo"'],
    [['report', 'acme/widgets'], /^fallacy-watch: no store at .*data\/fallacy-watch\.db: ingest deliveries with replay or run backfill first, or pass --database$/],
    [['backfill', 'notarepo', '--token', 't'], 'fallacy-watch: backfill: expected owner/repo, got "notarepo"'],
    [['backfill', 'acme/widgets', '--token', 't', '--api-url', 'notaurl'], 'fallacy-watch: backfill: --api-url is not a URL: "notaurl" (expected https://api.github.com or https://<ghes-host>)'],
    [['demo', '--out', 'a-file'], 'fallacy-watch: demo: --out a-file is a file, expected a folder'],
    [['replay', 'missing.jsonl'], 'fallacy-watch: replay: no such file: missing.jsonl'],
    [['web'], /^fallacy-watch: web: missing environment variables APP_ID, PRIVATE_KEY \(or PRIVATE_KEY_PATH\), WEBHOOK_SECRET \(/],
    [['worker'], /^fallacy-watch: worker: missing environment variables APP_ID, PRIVATE_KEY \(or PRIVATE_KEY_PATH\), WEBHOOK_SECRET, REDIS_URL \(/],
  ] as Array<[string[], string | RegExp]>)('%j', async (args, expected) => {
    vi.stubEnv('DATABASE_URL', undefined as unknown as string);
    for (const [key, value] of Object.entries(noEnv)) vi.stubEnv(key, value as unknown as string);
    try {
      const { code, stdout, stderr } = await run(...args);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      if (typeof expected === 'string') expect(lines[0]).toBe(expected);
      else expect(lines[0]).toMatch(expected);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a read-only command does not create a store as a side effect', async () => {
    await run('report', 'acme/widgets');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('refuses conflicting flags as a usage error, with a pointer to --help but not the whole help', async () => {
    const { code, stderr } = await run('report', 'acme/widgets', '--json', '--markdown');
    expect(code).toBe(1);
    expect(stderr).toBe("error: option '--json' cannot be used with option '--markdown'\n(add --help for usage)\n");
  });

  it('prints the version', async () => {
    const { code, stdout } = await run('--version');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('describeError', () => {
  it('names the host of a network failure and the status of an HTTP error, in one line', () => {
    const network = Object.assign(new Error('fetch failed'), {
      status: 500,
      request: { url: 'https://api.github.com/graphql' },
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.github.com'), { code: 'ENOTFOUND', hostname: 'api.github.com' }),
    });
    expect(describeError(network)).toBe('cannot reach https://api.github.com: ENOTFOUND (api.github.com)');
    const http = Object.assign(new Error('Bad credentials - https://docs.github.com/rest\nmore'), { status: 401, request: { url: 'https://api.github.com/graphql' } });
    expect(describeError(http)).toBe('HTTP 401 from https://api.github.com/graphql: Bad credentials - https://docs.github.com/rest');
  });
});
