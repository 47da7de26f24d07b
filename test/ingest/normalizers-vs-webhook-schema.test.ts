import { schemas } from '@octokit/openapi-webhooks';
import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/ingest/normalize/normalize-delivery.js';
import { SUBSCRIBED_EVENTS, type SubscribedEvent } from '../../src/ingest/subscribed-events.js';

/**
 * GitHub's own webhook schema (`@octokit/openapi-webhooks`, api.github.com) against the normalizers: for every
 * subscribed event and action, two payloads GitHub may send are built from the schema alone: the sparsest (only the
 * properties it requires, every nullable one `null`) and the fullest (every property it describes, nullable ones
 * `null`). A normalizer that reads a field GitHub marks optional or nullable without handling its absence rejects
 * one of them; each must normalize.
 */
type JsonSchema = Record<string, any>;
const spec = schemas['api.github.com'] as unknown as { webhooks: Record<string, { post: JsonSchema }>; components: { schemas: Record<string, JsonSchema> } };

function resolve(schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref) current = spec.components.schemas[String(current.$ref).replace('#/components/schemas/', '')]!;
  return current;
}

function isNullable(schema: JsonSchema): boolean {
  const s = resolve(schema);
  if (s.nullable === true || s.type === 'null') return true;
  if (Array.isArray(s.type) && s.type.includes('null')) return true;
  if (Array.isArray(s.enum) && s.enum.includes(null)) return true;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(isNullable);
}

/** A value GitHub's schema allows at its sparsest (`full`: with every optional property too, `depth` levels deep). */
function build(schema: JsonSchema, name: string, full: boolean, depth: number): unknown {
  const s = resolve(schema);
  if (isNullable(s)) return null;
  if (s.allOf) {
    const merged = s.allOf.map(resolve).reduce(
      (acc: JsonSchema, part: JsonSchema) => ({ properties: { ...acc.properties, ...part.properties }, required: [...acc.required, ...(part.required ?? [])] }),
      { properties: {}, required: [] },
    );
    return build({ type: 'object', ...merged }, name, full, depth);
  }
  if (s.anyOf || s.oneOf) return build((s.anyOf ?? s.oneOf)[0], name, full, depth);
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    const required = new Set<string>(s.required ?? []);
    for (const [key, property] of Object.entries<JsonSchema>(s.properties ?? {})) {
      if (required.has(key) || (full && depth > 0)) out[key] = build(property, key, full, depth - 1);
    }
    return out;
  }
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  if (type === 'string') return s.format === 'date-time' || /_(at|on)$/.test(name) ? '2026-01-01T00:00:00Z' : 'x';
  return null;
}

const cases = Object.values(spec.webhooks).flatMap(({ post }) => {
  const [event, action] = String(post.operationId).split('/') as [string, string | undefined];
  const name = event.replaceAll('-', '_');
  if (!Object.hasOwn(SUBSCRIBED_EVENTS, name)) return [];
  const actions = SUBSCRIBED_EVENTS[name as SubscribedEvent] as readonly (string | null)[];
  if (!actions.includes(action ?? null)) return [];
  const schema = post.requestBody.content['application/json'].schema as JsonSchema;
  return [
    { label: `${name}.${action ?? '-'} (sparsest)`, name, payload: build(schema, '', false, 0) },
    { label: `${name}.${action ?? '-'} (fullest)`, name, payload: build(schema, '', true, 4) },
  ];
});

describe("the normalizers against GitHub's webhook schema", () => {
  it('covers every subscribed event', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(Object.keys(SUBSCRIBED_EVENTS)));
  });

  it.each(cases)('$label normalizes', ({ name, payload }) => {
    expect(() => normalizeDelivery(name, payload)).not.toThrow();
  });
});

describe('a deleted user', () => {
  it('becomes GitHub\'s "ghost" as author of a pull request and of an issue', () => {
    const base = { repository: { id: 1, full_name: 'o/r' }, installation: { id: 2 } };
    const item = { id: 5, number: 3, title: 't', user: null, state: 'open', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', base: { ref: 'main' }, head: { ref: 'f', sha: 'abc' } };
    const pr = normalizeDelivery('pull_request', { ...base, action: 'opened', pull_request: item });
    const issue = normalizeDelivery('issues', { ...base, action: 'opened', issue: item });
    expect(pr.type === 'records' && pr.batch.pullRequests[0]?.author).toBe('ghost');
    expect(issue.type === 'records' && issue.batch.issues[0]?.author).toBe('ghost');
  });
});
