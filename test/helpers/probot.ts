import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import { silentLog } from './silent-log.js';

/** A throwaway RSA key for the test app (GitHub App JWTs are signed with it; nock answers the token requests). */
export const TEST_PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

export const TEST_WEBHOOK_SECRET = 'test-secret';

/** Probot's Octokit without retries or throttling waits, as the tests need. */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

/** A Probot instance for `probot.receive` tests. */
export function createTestProbot(): Probot {
  return new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    secret: TEST_WEBHOOK_SECRET,
    Octokit: TestOctokit,
    log: silentLog,
  });
}
