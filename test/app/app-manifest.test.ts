import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SUBSCRIBED_EVENTS } from '../../src/ingest/subscribed-events.js';

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  default_permissions: Record<string, string>;
  default_events: string[];
};

/** Events GitHub sends every App without a subscription (the manifest may not list them). */
const ALWAYS_DELIVERED = ['installation', 'installation_repositories'];

describe('app.yml, the GitHub App manifest', () => {
  it('asks for least privilege: no members or administration, writes only checks and issues', () => {
    expect(manifest.default_permissions).toEqual({
      metadata: 'read',
      checks: 'write',
      pull_requests: 'read',
      issues: 'write',
      contents: 'read',
    });
  });

  it('subscribes to exactly the events the app handles', () => {
    expect([...manifest.default_events, ...ALWAYS_DELIVERED].sort()).toEqual(Object.keys(SUBSCRIBED_EVENTS).sort());
  });
});
