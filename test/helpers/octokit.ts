import { ProbotOctokit } from 'probot';
import type { GitHubClient } from '../../src/github/client.js';

/** A GitHub client for tests: no retries, no throttling waits, a fixed token. Mock HTTP with nock. */
export function createTestOctokit(): GitHubClient {
  const TestOctokit = ProbotOctokit.defaults((options: Record<string, any>) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...options.throttle, enabled: false },
  }));
  return new TestOctokit({ auth: { token: 'test-token' } }) as GitHubClient;
}
