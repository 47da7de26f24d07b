import type { ReleaseRecord } from '../core/records.js';
import type { SupplyChainFinding } from './types.js';

/** What the repository-level checks read: file paths at the default branch, and releases when known. */
export interface RepositorySignalsInput {
  /**
   * Repository-relative paths that exist (at least the root, `.github/` and `docs/` entries; a full tree works too).
   */
  paths: readonly string[];
  /** Releases, newest or not (they are sorted here); `null` when unknown (e.g. a local checkout): no release check. */
  releases: readonly ReleaseRecord[] | null;
  /** How many of the latest published releases to inspect; default 5. */
  latestReleases?: number;
}

const SECURITY_POLICY = /^(?:\.github\/|docs\/)?security(?:\.(?:md|markdown|adoc|rst|txt))?$/i;

const DEPENDENCY_UPDATE_CONFIGS = /^(?:\.github\/dependabot\.ya?ml|(?:\.github\/|\.gitlab\/)?renovate\.json5?|\.renovaterc(?:\.json5?)?)$/i;

/** Checksums (`*.sha256`, `SHA256SUMS`, `checksums.txt`), signatures (`*.sig`, `*.asc`, sigstore bundles, cosign
 * certificates) and provenance (`*.intoto.jsonl`, `*provenance*`). */
const VERIFICATION_ASSET = [
  /\.(?:sha1|sha256|sha512|md5)(?:sum)?$/i,
  /(?:^|[._-])(?:checksums?|sha(?:1|256|512)sums?|shasums?\d*)(?:[._-]|$)/i,
  /\.(?:sig|asc|sign|minisig|pem|crt|cert)$/i,
  /\.sigstore(?:\.json)?$/i,
  /\.bundle$/i,
  /\.intoto\.jsonl$/i,
  /provenance/i,
];

/** Whether a release asset name is a checksum, signature or provenance file. */
export function isVerificationAsset(name: string): boolean {
  return VERIFICATION_ASSET.some((pattern) => pattern.test(name));
}

/**
 * Repository-wide supply-chain signals (file `''`, line `0`):
 * - `no-security-policy` (`warning`): no `SECURITY.md` (or `.markdown` / `.adoc` / `.rst` / `.txt`) in the root,
 *   `.github/` or `docs/`, so reporters have no private channel;
 * - `no-dependency-updates` (`warning`): no `.github/dependabot.yml|yaml` and no Renovate config file
 *   (`renovate.json[5]`, `.github/renovate.json[5]`, `.gitlab/renovate.json[5]`, `.renovaterc[.json[5]]`).
 *   A `"renovate"` key inside `package.json` is not visible from paths and is not recognised;
 * - `unsigned-release`: among the latest published, non-draft releases that ship assets, those with no checksum,
 *   signature or provenance asset. `warning` when none of them has any, `info` when only some lack them. Releases
 *   with no assets (source archives only) are not judged.
 */
export function analyzeRepositorySignals(input: RepositorySignalsInput): SupplyChainFinding[] {
  const findings: SupplyChainFinding[] = [];
  if (!input.paths.some((path) => SECURITY_POLICY.test(path))) {
    findings.push({
      kind: 'no-security-policy',
      severity: 'warning',
      file: '',
      line: 0,
      message: 'no security policy (SECURITY.md in the root, .github/ or docs/): reporters have no private way to tell you about a vulnerability',
    });
  }
  if (!input.paths.some((path) => DEPENDENCY_UPDATE_CONFIGS.test(path))) {
    findings.push({
      kind: 'no-dependency-updates',
      severity: 'warning',
      file: '',
      line: 0,
      message: 'no dependency-update configuration (.github/dependabot.yml or a Renovate config): pinned dependencies and actions will not be kept current',
    });
  }
  const release = input.releases ? checkReleases(input.releases, input.latestReleases ?? 5) : null;
  if (release) findings.push(release);
  return findings;
}

function checkReleases(releases: readonly ReleaseRecord[], latest: number): SupplyChainFinding | null {
  const recent = releases
    .filter((release) => !release.draft && release.publishedAt !== null)
    .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!))
    .slice(0, latest)
    .filter((release) => release.assetNames.length > 0);
  const unverified = recent.filter((release) => !release.assetNames.some(isVerificationAsset));
  if (unverified.length === 0) return null;
  const tags = unverified.map((release) => release.tagName).join(', ');
  return {
    kind: 'unsigned-release',
    severity: unverified.length === recent.length ? 'warning' : 'info',
    file: '',
    line: 0,
    message: `${unverified.length} of the latest ${recent.length} releases with assets ship no checksums, signatures or provenance (${tags}); publish e.g. SHA256SUMS, *.sig / sigstore bundles or *.intoto.jsonl`,
  };
}
