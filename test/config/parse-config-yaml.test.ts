import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import { parseConfigYaml } from '../../src/config/parse-config-yaml.js';

describe('parseConfigYaml', () => {
  it('reads a valid file', () => {
    const { config, errors, warnings } = parseConfigYaml(
      ['windowDays: 14', 'rules:', '  onboarding-is-free:', '    minCohort: 20', ''].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config.windowDays).toBe(14);
    expect(config.rules['onboarding-is-free']).toMatchObject({ minCohort: 20, minReturningRate: 0.2 });
  });

  it('treats an empty file as all defaults', () => {
    expect(parseConfigYaml('')).toEqual({ config: createDefaultConfig(), errors: [], warnings: [] });
  });

  it('reports a YAML syntax error with its line and uses the defaults', () => {
    const { config, errors } = parseConfigYaml(['windowDays: 14', 'rules:', '  a: b: c', 'slaHours: 4', ''].join('\n'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ path: '', line: 3, message: expect.stringMatching(/; using the defaults$/) });
    expect(config).toEqual(createDefaultConfig());
  });

  it('reports a duplicate key as a syntax error', () => {
    const { errors } = parseConfigYaml(['windowDays: 14', 'windowDays: 7', ''].join('\n'));
    expect(errors[0]).toMatchObject({ line: 2 });
  });

  it('gives the line of the key a problem is about', () => {
    const text = [
      '# fallacy-watch',
      'windowDays: 14',
      'rules:',
      '  feedback-loops-are-tight:',
      '    maxFirstReviewHours: soon',
      'suppress:',
      '  - rule: onboarding-is-free',
      '    reason: cohort',
      '  - rule: compromise-is-rare',
      'colour: blue',
      '',
    ].join('\n');
    const { config, errors, warnings } = parseConfigYaml(text);
    expect(errors).toEqual([
      {
        path: 'rules.feedback-loops-are-tight.maxFirstReviewHours',
        message: 'Invalid input: expected number, received string; using the default',
        line: 5,
      },
      { path: 'suppress[1].reason', message: '`reason` is required (string); entry ignored', line: 9 },
    ]);
    expect(warnings).toEqual([{ path: 'colour', message: 'unknown key (ignored)', line: 10 }]);
    expect(config.windowDays).toBe(14);
    expect(config.suppress).toHaveLength(1);
  });
});
