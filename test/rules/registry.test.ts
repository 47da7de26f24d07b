import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rules, ruleIds } from '../../src/rules/registry.js';

const RULES_DIRECTORY = new URL('../../src/rules/', import.meta.url);

/** The spec's rule ids, in fallacy order (`shared/spec/fallacies.md`). */
const SPEC_RULE_IDS = [
  'timelines-are-reliable',
  'feedback-loops-are-tight',
  'maintainer-bandwidth-is-infinite',
  'commitments-dont-change',
  'supply-chain-is-secure',
  'compromise-is-rare',
  'onboarding-is-free',
  'staffing-is-homogeneous',
];

describe('the rule registry', () => {
  it('lists the spec’s eight rules in fallacy order', () => {
    expect(ruleIds).toEqual(SPEC_RULE_IDS);
    expect(rules.map((rule) => rule.metadata.fallacy)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('equals the rule folders on disk', async () => {
    const entries = await readdir(RULES_DIRECTORY, { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(folders).toEqual([...ruleIds].sort());
  });

  it.each(SPEC_RULE_IDS)('%s exports metadata, configSchema and evaluate from its index', async (id) => {
    const unit: Record<string, unknown> = await import(`../../src/rules/${id}/index.ts`);
    expect(Object.keys(unit).sort()).toEqual(['configSchema', 'evaluate', 'metadata']);
    const rule = rules.find((r) => r.metadata.id === id);
    expect(rule?.evaluate).toBe(unit.evaluate);
    expect(typeof unit.evaluate).toBe('function');
  });

  it.each(rules.map((rule) => [rule.metadata.id, rule] as const))('%s has complete metadata and a documented, defaulted schema', (_id, rule) => {
    const { metadata, configSchema } = rule;
    expect(metadata.title).toMatch(/^[A-Z]/);
    expect(metadata.summary.length).toBeGreaterThan(40);
    expect(metadata.reality.length).toBeGreaterThan(10);
    expect(Object.keys(metadata.checks).length).toBeGreaterThan(0);
    const defaults = configSchema.parse({});
    expect(defaults).toMatchObject({ enabled: true, severity: expect.stringMatching(/^(info|warning|error)$/) });
    const shape = (configSchema as unknown as { shape: Record<string, { description?: string }> }).shape;
    for (const [key, option] of Object.entries(shape)) expect(option.description, key).toBeTruthy();
    expect(configSchema.safeParse({ notAnOption: 1 }).success).toBe(false);
  });

  it('keeps rule code pure: no clock reads, no I/O, no Octokit', async () => {
    const files = (await readdir(RULES_DIRECTORY, { recursive: true })).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const text = await readFile(new URL(file, RULES_DIRECTORY), 'utf8');
      expect(text, file).not.toMatch(/Date\.now\(|new Date\(\)|from 'node:|octokit|process\./i);
    }
  });
});
