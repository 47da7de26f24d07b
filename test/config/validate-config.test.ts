import { describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/config-schema.js';
import { validateConfig } from '../../src/config/validate-config.js';

describe('validateConfig', () => {
  it('fills every default for an empty config', () => {
    const { config, errors, warnings } = validateConfig({});
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toMatchObject({
      windowDays: 28,
      slaHours: 72,
      clock: 'calendar',
      ignoreUsers: [],
      areas: [],
      areaLabelPrefixes: ['area/', 'sig/'],
      suppress: [],
      failOn: [],
      comment: { enabled: true },
      digest: { enabled: true, weekday: 'mon', hour: 9, timezone: 'UTC', repository: null },
      backfillDays: 180,
      responses: { reviewCommands: ['lgtm', 'approve'], ignoreCommands: ['*'] },
    });
    expect(config.labels.breaking).toContain('kind/api-change');
    expect(config.labels.regression).toContain('kind/regression');
    expect(config.rules['feedback-loops-are-tight']).toMatchObject({ enabled: true, severity: 'warning', maxFirstReviewHours: 72 });
    expect(Object.keys(config.rules)).toHaveLength(8);
  });

  it.each([null, undefined])('treats %s (an empty file) as all defaults', (raw) => {
    expect(validateConfig(raw)).toEqual({ config: createDefaultConfig(), errors: [], warnings: [] });
  });

  it.each([
    { raw: 'windowDays: 7', kind: 'a string' },
    { raw: [1, 2], kind: 'a list' },
  ])('reports $kind at the top as an error and uses the defaults', ({ raw }) => {
    const { config, errors } = validateConfig(raw);
    expect(errors).toEqual([{ path: '', message: expect.stringMatching(/^expected a mapping of keys/) }]);
    expect(config).toEqual(createDefaultConfig());
  });

  it('keeps valid keys and thresholds, merging them with the rule’s defaults', () => {
    const { config, errors } = validateConfig({
      windowDays: 14,
      ignoreUsers: ['k8s-ci-robot'],
      rules: { 'feedback-loops-are-tight': { maxFirstReviewHours: 24, severity: 'error' } },
    });
    expect(errors).toEqual([]);
    expect(config.windowDays).toBe(14);
    expect(config.ignoreUsers).toEqual(['k8s-ci-robot']);
    expect(config.rules['feedback-loops-are-tight']).toMatchObject({ maxFirstReviewHours: 24, severity: 'error', minSamples: 5 });
  });

  it('keeps response commands written with or without the slash, and reports one that is no command', () => {
    const valid = validateConfig({ responses: { reviewCommands: ['/lgtm', 'ship-it'], ignoreCommands: ['retest', '/assign'] } });
    expect(valid.errors).toEqual([]);
    expect(valid.config.responses).toEqual({ reviewCommands: ['/lgtm', 'ship-it'], ignoreCommands: ['retest', '/assign'] });
    const invalid = validateConfig({ responses: { reviewCommands: ['looks good'] } });
    expect(invalid.errors).toEqual([
      expect.objectContaining({ path: expect.stringContaining('responses.reviewCommands'), message: expect.stringContaining('slash command') }),
    ]);
  });

  it('warns about unknown keys with their path, ignores them and keeps the rest', () => {
    const { config, errors, warnings } = validateConfig({
      windowDays: 14,
      windowDay: 7,
      rules: { 'feedback-loops-are-tight': { maxFirstReviewHour: 1 }, 'network-is-reliable': {} },
      digest: { enabled: true, colour: 'blue' },
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { path: 'windowDay', message: 'unknown key (ignored); did you mean `windowDays`?' },
        { path: 'rules.feedback-loops-are-tight.maxFirstReviewHour', message: 'unknown key (ignored); did you mean `maxFirstReviewHours`?' },
        { path: 'rules.network-is-reliable', message: expect.stringMatching(/^unknown rule \(ignored\); the rules are timelines-are-reliable, /) },
        { path: 'digest.colour', message: 'unknown key (ignored)' },
      ]),
    );
    expect(warnings).toHaveLength(4);
    expect(config.windowDays).toBe(14);
    expect(config.digest.enabled).toBe(true);
  });

  it('reports a wrong type with its key path, uses that key’s default and keeps the rest', () => {
    const { config, errors } = validateConfig({
      windowDays: 'four weeks',
      slaHours: 24,
      rules: { 'feedback-loops-are-tight': { maxFirstReviewHours: 'soon', minSamples: 8 } },
    });
    expect(errors).toEqual([
      { path: 'windowDays', message: 'Invalid input: expected number, received string; using the default' },
      {
        path: 'rules.feedback-loops-are-tight.maxFirstReviewHours',
        message: 'Invalid input: expected number, received string; using the default',
      },
    ]);
    expect(config.windowDays).toBe(28);
    expect(config.slaHours).toBe(24);
    expect(config.rules['feedback-loops-are-tight']).toMatchObject({ maxFirstReviewHours: 72, minSamples: 8 });
  });

  it('drops a bad list entry and keeps the good ones', () => {
    const { config, errors } = validateConfig({
      suppress: [
        { rule: 'onboarding-is-free', reason: 'mentoring cohort starts in January' },
        { rule: 'onboarding-is-free' },
        { rule: 'no-such-rule', reason: 'x' },
        { rule: 'compromise-is-rare', area: 'sig/storage', until: '2026-12-31', reason: 'design doc under way' },
      ],
      ignoreUsers: ['alice', 42, 'bob'],
      failOn: ['warning', 'sometimes'],
    });
    expect(errors.map((e) => e.path)).toEqual(['ignoreUsers[1]', 'suppress[1].reason', 'suppress[2].rule', 'failOn[1]']);
    expect(errors.every((e) => e.message.endsWith('; entry ignored'))).toBe(true);
    expect(config.suppress.map((s) => s.rule)).toEqual(['onboarding-is-free', 'compromise-is-rare']);
    expect(config.ignoreUsers).toEqual(['alice', 'bob']);
    expect(config.failOn).toEqual(['warning']);
  });

  it('accepts a business clock, filling its defaults', () => {
    const { config, errors } = validateConfig({ clock: { type: 'business', timezone: 'Europe/Berlin' } });
    expect(errors).toEqual([]);
    expect(config.clock).toEqual({
      type: 'business',
      timezone: 'Europe/Berlin',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      workingHours: { start: 9, end: 17 },
    });
  });

  it('points inside the business clock when one of its keys is wrong', () => {
    const { config, errors } = validateConfig({
      clock: { type: 'business', timezone: 'Mars/Olympus', workingDays: ['mon', 'funday'] },
    });
    expect(errors).toEqual([
      { path: 'clock.timezone', message: 'unknown IANA timezone; using the default' },
      { path: 'clock.workingDays[1]', message: expect.stringMatching(/; entry ignored$/) },
    ]);
    expect(config.clock).toMatchObject({ type: 'business', timezone: 'UTC', workingDays: ['mon'] });
  });

  it('rejects working hours that end before they start', () => {
    const { config, errors } = validateConfig({ clock: { type: 'business', workingHours: { start: 18, end: 9 } } });
    expect(errors).toEqual([{ path: 'clock.workingHours', message: '`start` must be before `end`; using the default' }]);
    expect(config.clock).toMatchObject({ workingHours: { start: 9, end: 17 } });
  });

  it('names the allowed forms when the clock is neither calendar nor a business clock', () => {
    const { config, errors } = validateConfig({ clock: 'sundial' });
    expect(errors).toEqual([
      {
        path: 'clock',
        message: 'expected `calendar` or `{ type: business, timezone, workingDays, workingHours }`; using the default',
      },
    ]);
    expect(config.clock).toBe('calendar');
  });

  it('validates areas with the shared area schema', () => {
    const { config, errors, warnings } = validateConfig({
      areas: [{ name: 'storage', paths: ['pkg/volume/'], owners: ['alice'], team: 'x' }, { paths: ['docs/'] }],
    });
    expect(warnings).toEqual([{ path: 'areas[0].team', message: 'unknown key (ignored)' }]);
    expect(errors.map((e) => e.path)).toEqual(['areas[1].name']);
    expect(config.areas).toEqual([{ name: 'storage', paths: ['pkg/volume/'], owners: ['alice'], labels: [] }]);
  });

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [0, true, 'x', [], { rules: 5 }, { rules: { 'onboarding-is-free': null } }, { suppress: 'all' }, { digest: { repository: 'not a repo' } }, { f: () => 1 }];
    for (const raw of inputs) expect(() => validateConfig(raw)).not.toThrow();
    expect(validateConfig({ rules: 5 }).config.rules).toEqual(createDefaultConfig().rules);
  });
});
