import { describe, expect, it } from 'vitest';
import type { ReleaseRecord } from '../../src/core/records.js';
import { analyzeRepositorySignals, isVerificationAsset } from '../../src/supply-chain/analyze-repository-signals.js';

function aRelease(overrides: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    repoId: 1,
    id: 1,
    tagName: 'v1.0.0',
    name: null,
    draft: false,
    prerelease: false,
    createdAt: '2026-01-01T00:00:00Z',
    publishedAt: '2026-01-01T00:00:00Z',
    assetNames: [],
    ...overrides,
  };
}

const kinds = (paths: string[], releases: ReleaseRecord[] | null = null) =>
  analyzeRepositorySignals({ paths, releases }).map((finding) => finding.kind);

describe('security policy', () => {
  it.each(['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md', 'security.md', 'SECURITY.rst', 'docs/security.adoc'])(
    '%s counts',
    (path) => expect(kinds([path, '.github/dependabot.yml'])).toEqual([]),
  );
  it.each(['src/SECURITY.md', 'SECURITY-POLICY.txt', 'README.md'])('%s does not', (path) => {
    expect(kinds([path, '.github/dependabot.yml'])).toEqual(['no-security-policy']);
  });
});

describe('dependency-update config', () => {
  it.each([
    '.github/dependabot.yml',
    '.github/dependabot.yaml',
    'renovate.json',
    'renovate.json5',
    '.github/renovate.json',
    '.gitlab/renovate.json5',
    '.renovaterc',
    '.renovaterc.json',
  ])('%s counts', (path) => expect(kinds(['SECURITY.md', path])).toEqual([]));
  it.each(['dependabot.yml', '.github/workflows/dependabot.yml', 'docs/renovate.json'])('%s does not', (path) => {
    expect(kinds(['SECURITY.md', path])).toEqual(['no-dependency-updates']);
  });
});

describe('release assets', () => {
  it.each([
    ['tool_1.0_checksums.txt', true],
    ['SHA256SUMS', true],
    ['tool-linux-amd64.sha256', true],
    ['tool-linux-amd64.sig', true],
    ['tool.tar.gz.asc', true],
    ['tool.sigstore.json', true],
    ['multiple.intoto.jsonl', true],
    ['tool-linux-amd64.pem', true],
    ['tool-linux-amd64.tar.gz', false],
    ['tool.deb', false],
    ['signal-desktop.zip', false],
  ])('%s is a verification asset: %s', (name, expected) => expect(isVerificationAsset(name)).toBe(expected));

  const base = ['SECURITY.md', '.github/dependabot.yml'];

  it('latest releases with assets but nothing to verify them: a warning naming the tags', () => {
    const findings = analyzeRepositorySignals({
      paths: base,
      releases: [
        aRelease({ id: 1, tagName: 'v1.0.0', publishedAt: '2026-01-01T00:00:00Z', assetNames: ['tool.tar.gz'] }),
        aRelease({ id: 2, tagName: 'v1.1.0', publishedAt: '2026-02-01T00:00:00Z', assetNames: ['tool.tar.gz'] }),
      ],
    });
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'unsigned-release', severity: 'warning', file: '', line: 0 }),
    ]);
    expect(findings[0]!.message).toContain('2 of the latest 2');
    expect(findings[0]!.message).toContain('v1.1.0, v1.0.0');
  });

  it('some verified, some not: info', () => {
    const findings = analyzeRepositorySignals({
      paths: base,
      releases: [
        aRelease({ id: 1, tagName: 'v1', assetNames: ['a.tar.gz', 'a.tar.gz.sig'] }),
        aRelease({ id: 2, tagName: 'v2', publishedAt: '2026-03-01T00:00:00Z', assetNames: ['a.tar.gz'] }),
      ],
    });
    expect(findings.map((finding) => [finding.kind, finding.severity])).toEqual([['unsigned-release', 'info']]);
  });

  it('only the latest N published releases count; drafts and asset-less releases are not judged', () => {
    const old = aRelease({ id: 1, tagName: 'v0', publishedAt: '2020-01-01T00:00:00Z', assetNames: ['a.zip'] });
    const recent = [2, 3].map((id) =>
      aRelease({ id, tagName: `v${id}`, publishedAt: `2026-0${id}-01T00:00:00Z`, assetNames: ['a.zip', 'SHA256SUMS'] }),
    );
    const draft = aRelease({ id: 9, draft: true, publishedAt: null, assetNames: ['a.zip'] });
    const sourceOnly = aRelease({ id: 10, publishedAt: '2026-05-01T00:00:00Z', assetNames: [] });
    expect(analyzeRepositorySignals({ paths: base, releases: [old, ...recent, draft, sourceOnly], latestReleases: 3 })).toEqual([]);
    expect(analyzeRepositorySignals({ paths: base, releases: [old, ...recent], latestReleases: 3 }).map((f) => f.kind)).toEqual([
      'unsigned-release',
    ]);
  });

  it('unknown releases (null) are not checked', () => {
    expect(kinds(base, null)).toEqual([]);
  });
});
