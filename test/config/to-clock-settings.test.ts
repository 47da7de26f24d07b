import { describe, expect, it } from 'vitest';
import { toClockSettings } from '../../src/config/to-clock-settings.js';
import { validateConfig } from '../../src/config/validate-config.js';

describe('toClockSettings', () => {
  it('maps the default calendar clock', () => {
    expect(toClockSettings(validateConfig({}).config.clock)).toEqual({ kind: 'calendar' });
  });

  it('turns weekday names into ISO weekdays (mon = 1 … sun = 7)', () => {
    const { config } = validateConfig({
      clock: { type: 'business', timezone: 'Asia/Kolkata', workingDays: ['mon', 'thu', 'sun'], workingHours: { start: 10, end: 18.5 } },
    });
    expect(toClockSettings(config.clock)).toEqual({
      kind: 'business',
      timezone: 'Asia/Kolkata',
      workingDays: [1, 4, 7],
      workingHours: { start: 10, end: 18.5 },
    });
  });
});
