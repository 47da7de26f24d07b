import { describe, expect, it } from 'vitest';
import { readDeliveryEnvelope } from '../../src/core/read-delivery-envelope.js';

describe('readDeliveryEnvelope', () => {
  it('reads the action, the installation and the repository a payload names', () => {
    const payload = {
      action: 'opened',
      installation: { id: 7 },
      repository: { id: 42, name: 'widgets', full_name: 'acme/widgets', owner: { login: 'acme' }, default_branch: 'trunk' },
    };
    expect(readDeliveryEnvelope(payload)).toEqual({
      action: 'opened',
      installationId: 7,
      repository: { id: 42, fullName: 'acme/widgets', owner: 'acme', name: 'widgets', defaultBranch: 'trunk' },
    });
  });

  it.each([
    ['no payload', null],
    ['an array', [1, 2]],
    ['fields of the wrong type', { action: 3, installation: { id: '7' }, repository: { full_name: 5 } }],
    ['an installation that is not an object', { installation: 7, repository: 'acme/widgets' }],
  ])('leaves out what it cannot read: %s', (_case, payload) => {
    expect(readDeliveryEnvelope(payload)).toEqual({ action: undefined, installationId: undefined, repository: undefined });
  });

  it('keeps a repository named only by its full name', () => {
    expect(readDeliveryEnvelope({ repository: { full_name: 'acme/widgets' } }).repository).toEqual({
      id: undefined,
      fullName: 'acme/widgets',
      owner: undefined,
      name: undefined,
      defaultBranch: undefined,
    });
  });
});
