import { describe, expect, it } from 'vitest';
import { readProductionSettings } from '../../src/ops/production-settings.js';

const required = { APP_ID: '42', PRIVATE_KEY: '-----BEGIN KEY-----\\nabc\\n-----END KEY-----', WEBHOOK_SECRET: 's' };

describe('production settings from the environment', () => {
  it('applies defaults and turns escaped newlines of the key into real ones', () => {
    const settings = readProductionSettings(required);
    expect(settings).toMatchObject({ APP_ID: 42, PORT: 3000, METRICS_PORT: 9464, RECOVERY_INTERVAL_MS: 900_000, PER_INSTALLATION_CONCURRENCY: 4, GITHUB_API_URL: 'https://api.github.com' });
    expect(settings.PRIVATE_KEY).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----');
    expect(settings.REDIS_URL).toBeUndefined();
  });

  it('names every missing or invalid variable in one error', () => {
    expect(() => readProductionSettings({ APP_ID: 'x', PORT: '-1' })).toThrow(/APP_ID.*WEBHOOK_SECRET.*PORT|APP_ID.*PORT.*WEBHOOK_SECRET/s);
  });

  it('requires a private key or a path to one', () => {
    expect(() => readProductionSettings({ APP_ID: '1', WEBHOOK_SECRET: 's' })).toThrow(/PRIVATE_KEY/);
  });

  it('treats empty variables as unset', () => {
    expect(readProductionSettings({ ...required, REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });
});
