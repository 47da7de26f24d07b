import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fallacyWatchConfigSchema } from '../../src/config/config-schema.js';
import { parseConfigYaml } from '../../src/config/parse-config-yaml.js';
import { renderConfigurationDoc } from '../../src/docs/render-configuration-doc.js';
import { renderRulesDoc } from '../../src/docs/render-rules-doc.js';
import { DOCS_DIRECTORY, renderDocs } from '../../src/docs/write-docs.js';
import { rules } from '../../src/rules/registry.js';

describe('generated docs', () => {
  it.each(Object.entries(renderDocs()))('docs/%s is current (regenerate with `node dist/docs/write-docs.js`)', async (name, text) => {
    expect(await readFile(new URL(name, DOCS_DIRECTORY), 'utf8')).toBe(text);
  });

  it('documents every rule with its advice, checks and every option with its default', () => {
    const doc = renderRulesDoc();
    for (const { metadata, configSchema } of rules) {
      expect(doc).toContain(`## ${metadata.id}`);
      expect(doc).toContain(`**The reality:** ${metadata.reality}.`);
      for (const check of Object.keys(metadata.checks)) expect(doc).toContain(`| \`${check}\` |`);
      for (const [option, value] of Object.entries(configSchema.parse({}) as unknown as Record<string, unknown>)) {
        expect(doc).toContain(`| \`${option}\` |`);
        expect(doc).toContain(`\`${JSON.stringify(value)}\``);
      }
    }
  });

  it('documents every top-level config key, each with a description', () => {
    const doc = renderConfigurationDoc();
    for (const [key, schema] of Object.entries(fallacyWatchConfigSchema.shape)) {
      expect(doc).toContain(`| \`${key}\` |`);
      expect(schema.description, key).toBeTruthy();
    }
    expect(doc).toContain('| `digest.hour` | integer (0–23) | `9` |');
    expect(doc).toContain('| `reason` | string | — |');
  });

  it('shows an example config that validates without a problem', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(renderConfigurationDoc())?.[1] ?? '';
    const { config, errors, warnings } = parseConfigYaml(example);
    expect({ errors, warnings }).toEqual({ errors: [], warnings: [] });
    expect(config.suppress).toHaveLength(1);
    expect(config.rules['commitments-dont-change']?.enabled).toBe(false);
  });
});
