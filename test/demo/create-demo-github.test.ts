import { describe, expect, it } from 'vitest';
import { buildDemoCommunity } from '../../src/demo/build-demo-community.js';
import { createDemoGitHub } from '../../src/demo/create-demo-github.js';

const community = buildDemoCommunity();
const api = (path: string) => `https://api.github.com/repos/kube-widgets/kube-widgets${path}`;

describe('createDemoGitHub', () => {
  it('serves the default branch tree and the OWNERS blobs from the demo checkout', async () => {
    const github = createDemoGitHub(community);
    const tree = (await (await github.fetch(api('/git/trees/main?recursive=true'))).json()) as { tree: Array<{ path: string; sha: string }> };
    const owners = tree.tree.find((entry) => entry.path === 'pkg/storage/OWNERS')!;
    const blob = (await (await github.fetch(api(`/git/blobs/${owners.sha}`))).json()) as { content: string };
    expect(Buffer.from(blob.content, 'base64').toString('utf8')).toBe(community.checkout.ownersFiles.get('pkg/storage/OWNERS'));
  });

  it('lists a pull request’s changed files, with a patch for the lines it adds', async () => {
    const github = createDemoGitHub(community);
    const files = (await (await github.fetch(api(`/pulls/${community.showcase.number}/files?per_page=100`))).json()) as Array<{ filename: string; patch: string }>;
    expect(files.map((f) => f.filename)).toEqual(community.showcase.files);
    expect(files.find((f) => f.filename.endsWith('pr-triage.yml'))!.patch).toMatch(/^@@ -0,0 \+1,\d+ @@\n\+name: pr-triage/);
  });

  it('records writes and keeps created check runs findable by head SHA', async () => {
    const github = createDemoGitHub(community);
    const created = await github.fetch(api('/check-runs'), { method: 'POST', body: JSON.stringify({ name: 'Community health', head_sha: 'abc', output: { title: 'T' } }) });
    expect(created.status).toBe(201);
    const listed = (await (await github.fetch(api('/commits/abc/check-runs'))).json()) as { total_count: number };
    expect(listed.total_count).toBe(1);
    expect(github.writes).toEqual([{ method: 'POST', path: '/repos/kube-widgets/kube-widgets/check-runs', body: expect.objectContaining({ head_sha: 'abc' }) }]);
  });

  it('answers 404 to what it does not know, and lists it', async () => {
    const github = createDemoGitHub(community);
    expect((await github.fetch(api('/branches/main/protection'))).status).toBe(404);
    expect(github.unanswered).toEqual(['GET /repos/kube-widgets/kube-widgets/branches/main/protection']);
  });
});
