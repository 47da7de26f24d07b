import { describe, expect, it } from 'vitest';
import { buildDemoCommunity } from '../../src/demo/build-demo-community.js';
import { normalizeDelivery } from '../../src/ingest/normalize/normalize-delivery.js';

const community = buildDemoCommunity();

function countOpened(name: string): number {
  return community.deliveries.filter((d) => d.name === name && (d.payload as { action: string }).action === 'opened').length;
}

describe('buildDemoCommunity', () => {
  it('spans six months of a few hundred PRs and issues, and nothing at or after its end', () => {
    expect(countOpened('pull_request')).toBeGreaterThanOrEqual(300);
    expect(countOpened('issues')).toBeGreaterThanOrEqual(100);
    const times = community.deliveries.map((d) => {
      const p = d.payload as Record<string, { created_at?: string; updated_at?: string; submitted_at?: string; published_at?: string }>;
      return Date.parse(p.review?.submitted_at ?? p.comment?.created_at ?? p.pull_request?.updated_at ?? p.issue?.updated_at ?? p.milestone?.updated_at ?? p.release?.published_at ?? '');
    });
    expect(Math.max(...times)).toBeLessThan(community.end.getTime());
    expect(community.end.getTime() - Math.min(...times)).toBeGreaterThan(170 * 86_400_000);
  });

  it('is the same community for the same seed, and another one for another seed', () => {
    expect(buildDemoCommunity().deliveries).toEqual(community.deliveries);
    expect(buildDemoCommunity({ seed: 7 }).deliveries).not.toEqual(community.deliveries);
  });

  it('gives every delivery a unique id and a payload the app can normalize', () => {
    expect(new Set(community.deliveries.map((d) => d.id)).size).toBe(community.deliveries.length);
    for (const delivery of community.deliveries) {
      expect(normalizeDelivery(delivery.name, delivery.payload).type, delivery.id).toBe('records');
    }
  });

  it('has an OWNERS tree with five sig areas and a pull_request_target workflow with unpinned actions', () => {
    const { checkout } = community;
    expect(checkout.areas.map((a) => a.label)).toEqual(['sig/api-machinery', 'sig/docs', 'sig/network', 'sig/node', 'sig/storage']);
    expect(checkout.ownersFiles.get('pkg/storage/OWNERS')).toContain('sig/storage');
    const triage = checkout.supplyChain.workflows.find((w) => w.path === '.github/workflows/pr-triage.yml')!;
    expect(triage.text).toContain('pull_request_target');
    expect(triage.text).toContain('actions/checkout@v4');
  });

  it('has a showcase: a first-time contributor’s open PR whose last delivery is a synchronize', () => {
    const { showcase } = community;
    const last = community.deliveries.find((d) => d.id === showcase.deliveryId)!;
    const payload = last.payload as { action: string; pull_request: { state: string; author_association: string; head: { sha: string } } };
    expect(payload.action).toBe('synchronize');
    expect(payload.pull_request.state).toBe('open');
    expect(payload.pull_request.author_association).toBe('FIRST_TIME_CONTRIBUTOR');
    expect(payload.pull_request.head.sha).toBe(showcase.headSha);
    expect(showcase.files).toContain('.github/workflows/pr-triage.yml');
  });
});
