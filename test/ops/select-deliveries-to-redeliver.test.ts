import { describe, expect, it } from 'vitest';
import { type HookDeliveryAttempt, selectDeliveriesToRedeliver } from '../../src/ops/select-deliveries-to-redeliver.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const attempt = (id: number, guid: string, deliveredAt: string, statusCode: number): HookDeliveryAttempt => ({
  id,
  guid,
  delivered_at: deliveredAt,
  redelivery: false,
  status_code: statusCode,
  event: 'pull_request',
});
const never = () => false;

describe('choosing the deliveries to redeliver', () => {
  it('picks a failed delivery of the last three days', () => {
    expect(selectDeliveriesToRedeliver([attempt(1, 'g1', '2026-11-23T11:00:00Z', 500)], NOW, never).map((a) => a.id)).toEqual([1]);
  });

  it('skips one older than three days (GitHub no longer redelivers it)', () => {
    expect(selectDeliveriesToRedeliver([attempt(1, 'g1', '2026-11-20T11:59:00Z', 500)], NOW, never)).toEqual([]);
  });

  it('skips a delivery with any successful attempt', () => {
    const attempts = [attempt(2, 'g1', '2026-11-23T11:05:00Z', 202), attempt(1, 'g1', '2026-11-23T11:00:00Z', 502)];
    expect(selectDeliveriesToRedeliver(attempts, NOW, never)).toEqual([]);
  });

  it('skips a failed delivery the app stored anyway (it timed out after recording it)', () => {
    expect(selectDeliveriesToRedeliver([attempt(1, 'g1', '2026-11-23T11:00:00Z', 0)], NOW, (guid) => guid === 'g1')).toEqual([]);
  });

  it('redelivers the latest attempt of a delivery that failed several times, once, oldest delivery first', () => {
    const attempts = [
      attempt(5, 'g2', '2026-11-23T10:00:00Z', 500),
      attempt(4, 'g1', '2026-11-23T09:30:00Z', 500),
      attempt(3, 'g1', '2026-11-23T09:00:00Z', 0),
    ];
    expect(selectDeliveriesToRedeliver(attempts, NOW, never).map((a) => a.id)).toEqual([4, 5]);
  });
});
