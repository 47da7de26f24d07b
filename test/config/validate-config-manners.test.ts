import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from '../../src/config/parse-config-yaml.js';
import { closestKey } from '../../src/config/suggest-key.js';
import { validateConfig } from '../../src/config/validate-config.js';

describe('validate-config speaks to maintainers', () => {
  it('knows `_extends`, the inheritance key the docs tell maintainers to use', () => {
    expect(parseConfigYaml('_extends: .github\nwindowDays: 14\n')).toMatchObject({ errors: [], warnings: [], config: { windowDays: 14 } });
    expect(parseConfigYaml('_extends: [a]\n').errors).toEqual([
      { path: '_extends', line: 1, message: 'expected a repository to inherit from, like `.github` or `owner/repo:path/to/file.yml`; ignored' },
    ]);
  });

  it('suggests the closest key for a typo, at the top level and inside a section', () => {
    const { warnings } = parseConfigYaml('colck: calendar\nlabels:\n  relaese-blocker: [x]\nrules:\n  onboarding-is-fre: {}\nzzz: 1\n');
    expect(warnings).toEqual([
      { path: 'colck', line: 1, message: 'unknown key (ignored); did you mean `clock`?' },
      { path: 'labels.relaese-blocker', line: 3, message: expect.stringMatching(/^unknown key \(ignored\); did you mean `release/) },
      { path: 'rules.onboarding-is-fre', line: 5, message: 'unknown rule (ignored); did you mean `onboarding-is-free`?' },
      { path: 'zzz', line: 6, message: 'unknown key (ignored)' },
    ]);
  });

  it('says "`reason` is required" for a suppression without one', () => {
    const { errors } = parseConfigYaml('suppress:\n  - rule: onboarding-is-free\n');
    expect(errors).toEqual([{ path: 'suppress[0].reason', line: 2, message: '`reason` is required (string); entry ignored' }]);
  });

  it('sorts problems by line', () => {
    const { errors } = parseConfigYaml('windowDays: soon\nslaHours: -1\nsuppress:\n  - rule: onboarding-is-free\nbackfillDays: never\n');
    const lines = errors.map((problem) => problem.line);
    expect(lines).toEqual([...lines].sort((a, b) => a! - b!));
    expect(lines).toHaveLength(4);
  });

  it('validates a parsed object with `_extends` the same way (the App path)', () => {
    expect(validateConfig({ _extends: '.github', slaHours: 12 })).toMatchObject({ errors: [], warnings: [], config: { slaHours: 12 } });
  });
});

describe('closestKey', () => {
  it('counts a swap of two letters as one edit and refuses far-off guesses', () => {
    expect(closestKey('colck', ['clock', 'comment'])).toBe('clock');
    expect(closestKey('windowdays', ['windowDays', 'slaHours'])).toBe('windowDays');
    expect(closestKey('colour', ['clock', 'comment'])).toBeUndefined();
  });
});
