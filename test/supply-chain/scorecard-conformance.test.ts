import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeWorkflow } from '../../src/supply-chain/analyze-workflow.js';
import type { SupplyChainKind } from '../../src/supply-chain/types.js';
import { readWorkflowFixture, WORKFLOW_FIXTURES } from './helpers.js';

/**
 * Conformance with OpenSSF Scorecard's own test tables (`expected_results_extracted.json`): for each workflow row,
 * our findings of the matching kinds agree with Scorecard on "this file has a problem of this kind" (warns > 0) or
 * "it has none" (warns = 0). Counts are not compared: Scorecard's scoring is not ours.
 */
interface ExpectedRow {
  source: string;
  test: string;
  files: string[];
  name: string;
  NumberOfWarn?: string;
  warns?: string;
  nb?: string;
}

type Category = 'token-permissions' | 'pinning' | 'dangerous-workflow';

/** The Scorecard test tables that carry a warning count for a workflow file, and the count's field. */
const IN_SCOPE: Record<string, { category: Category; warns: (row: ExpectedRow) => number }> = {
  TestGithubTokenPermissions: { category: 'token-permissions', warns: (row) => Number(row.NumberOfWarn) },
  TestGithubWorkflowPinning: { category: 'pinning', warns: (row) => Number(row.warns ?? 0) },
  TestNonGithubWorkflowPinning: { category: 'pinning', warns: (row) => Number(row.warns ?? 0) },
  TestGithubDangerousWorkflow: { category: 'dangerous-workflow', warns: (row) => Number(row.nb) },
};

/** Our finding kinds that answer each Scorecard check. */
const KINDS: Record<Category, SupplyChainKind[]> = {
  'token-permissions': ['missing-permissions', 'broad-permissions'],
  pinning: ['unpinned-action'],
  'dangerous-workflow': ['dangerous-trigger', 'script-injection'],
};

/** Scorecard tables we do not compare against, and why (so nothing is skipped silently). */
const OUT_OF_SCOPE: Record<string, string> = {
  TestGithubTokenPermissionsLineNumber: 'asserts line numbers; the extraction carries no warning count (lines are covered by our own tests)',
  TestGithubWorkflowPkgManagerPinning: 'package-manager pinning (npm / go / pip inside run:) is Scorecard scope we do not re-implement',
  TestGitHubWorkflowRunDownload: 'no warning count extracted; our curl-pipe-shell detector has its own table test',
  TestGitHubWorkflowUsesLineNumber: 'asserts line numbers; no warning count extracted',
  TestGitHubWorkInsecureDownloadsLineNumber: 'asserts line numbers; no warning count extracted',
  TestCollectGitHubActionsWorkflowPinning: 'tests Scorecard internals (collect*), no warning count',
  TestCollectDockerfilePinning: 'Dockerfiles are not workflows',
  TestDockerfilePinning: 'Dockerfiles are not workflows',
  TestFileIsInVendorDir: 'Dockerfile vendoring rule',
  TestDockerfilePinningFromLineNumber: 'Dockerfiles are not workflows',
  TestDockerfileInvalidFiles: 'Dockerfiles are not workflows',
  TestDockerfileInsecureDownloadsBrokenCommands: 'Dockerfiles are not workflows',
  TestDockerfileInsecureDownloadsLineNumber: 'Dockerfiles are not workflows',
  TestDockerfileWithHeredocsInsecureDownloadsLineNumber: 'Dockerfiles are not workflows',
  TestDockerfilePinningWithoutHash: 'Dockerfiles are not workflows',
  TestDockerfileScriptDownload: 'Dockerfiles are not workflows',
  TestDockerfileScriptDownloadInfo: 'Dockerfiles are not workflows',
  TestShellScriptDownload: 'shell scripts are not workflows',
  TestShellScriptDownloadPinned: 'shell scripts are not workflows',
  TestShellscriptInsecureDownloadsLineNumber: 'shell scripts are not workflows',
  TestCsProjAnalysis: '.NET project files are not workflows',
  TestCollectInsecureNugetCsproj: '.NET project files are not workflows',
  TestAnalyseCentralPackageManagementPinned: '.NET project files are not workflows',
};

/**
 * Rows of in-scope tables whose file is not a workflow: we only ever analyse `.github/workflows/*.yml|yaml`, where
 * Scorecard answers "inconclusive" / 0 for a non-YAML file. Keyed `test / name`.
 */
const NOT_A_WORKFLOW: Record<string, string> = {
  'TestGithubTokenPermissions / Non-yaml file': 'script.sh is not a workflow file; we never analyse it',
  'TestGithubWorkflowPinning / Non-yaml file': 'script.sh is not a workflow file; we never analyse it',
  'TestGithubDangerousWorkflow / Non-yaml file': 'script.sh is not a workflow file; we never analyse it',
};

/**
 * Rows where we deliberately disagree with Scorecard, and why. Each is asserted as a disagreement, so a change that
 * "fixes" it fails until this list is updated.
 */
const DELIBERATE_DIFFERENCES: Record<string, string> = {};

const rows = JSON.parse(readWorkflowFixture('expected_results_extracted.json')) as ExpectedRow[];
const key = (row: ExpectedRow) => `${row.test} / ${row.name}`;

const RAW_DIR = 'checks/raw/testdata/.github/workflows/';
const TOP_DIR = 'checks/testdata/.github/workflows/';

/**
 * Maps a path as Scorecard's test writes it (relative to `checks/` or `checks/raw/`) to the fixture copy; the
 * dangerous-workflow table names its files without the `testdata/` prefix, so fall back to the other folder.
 */
function fixturePath(row: ExpectedRow): string {
  const name = row.files[0]!.split('/').pop()!;
  const fromRaw = row.source.startsWith('checks/raw/') && !row.files[0]!.startsWith('../');
  const found = (fromRaw ? [RAW_DIR, TOP_DIR] : [TOP_DIR, RAW_DIR])
    .map((dir) => dir + name)
    .find((path) => existsSync(new URL(path, WORKFLOW_FIXTURES)));
  if (!found) throw new Error(`no fixture for ${row.files[0]}`);
  return found;
}

const compared = rows.filter((row) => IN_SCOPE[row.test] && !NOT_A_WORKFLOW[key(row)]);

describe('Scorecard conformance: every extracted table is compared or excluded with a reason', () => {
  it('each test table is either in scope or documented as out of scope', () => {
    const unknown = [...new Set(rows.map((row) => row.test))].filter((test) => !IN_SCOPE[test] && !OUT_OF_SCOPE[test]);
    expect(unknown).toEqual([]);
  });

  it('compares 52 workflow rows: 28 token-permission, 14 pinning, 10 dangerous-workflow (non-YAML rows excluded)', () => {
    const byCategory = (category: Category) => compared.filter((row) => IN_SCOPE[row.test]!.category === category).length;
    expect([byCategory('token-permissions'), byCategory('pinning'), byCategory('dangerous-workflow')]).toEqual([28, 14, 10]);
  });

  it('the exception lists name real rows', () => {
    const names = new Set(rows.map(key));
    expect([...Object.keys(NOT_A_WORKFLOW), ...Object.keys(DELIBERATE_DIFFERENCES)].filter((name) => !names.has(name))).toEqual([]);
  });
});

describe.each(Object.entries(IN_SCOPE))('Scorecard %s', (test, { category, warns }) => {
  const cases = compared
    .filter((row) => row.test === test)
    .map((row) => ({ name: row.name, file: fixturePath(row), flagged: warns(row) > 0, row }));
  it.each(cases)('$name ($file): Scorecard flags it: $flagged', ({ file, flagged, row }) => {
    const text = readWorkflowFixture(file);
    const ours = analyzeWorkflow(`.github/workflows/${file.split('/').pop()}`, text).filter((finding) =>
      KINDS[category].includes(finding.kind),
    );
    const difference = DELIBERATE_DIFFERENCES[key(row)];
    expect(ours.length > 0, JSON.stringify(ours, null, 1)).toBe(difference ? !flagged : flagged);
  });
});
