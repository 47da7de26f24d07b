import type { SupplyChainKind } from '../../supply-chain/types.js';

/** Every supply-chain finding kind, with what a finding title calls it and what to do about it. */
export const supplyChainKinds = {
  'unpinned-action': {
    label: 'Actions not pinned to a commit SHA',
    action: 'Pin third-party actions to a full commit SHA and let a dependency bot update them.',
  },
  'missing-permissions': {
    label: 'No top-level token permissions',
    action: 'Declare `permissions:` at the top of the workflow, read-only by default.',
  },
  'broad-permissions': {
    label: 'Broad token permissions',
    action: 'Grant write permissions only to the jobs that need them.',
  },
  'dangerous-trigger': {
    label: 'Dangerous workflow trigger',
    action: 'Do not check out or run untrusted PR code in `pull_request_target` or `workflow_run` workflows.',
  },
  'script-injection': {
    label: 'Untrusted input in a script',
    action: 'Pass untrusted `${{ }}` values through environment variables instead of inlining them in scripts.',
  },
  'curl-pipe-shell': {
    label: 'Download piped into a shell',
    action: 'Download to a file, verify its checksum or signature, then run it.',
  },
  'workflow-parse-error': {
    label: 'Workflow that does not parse',
    action: 'Fix the workflow file so it can be checked (and run).',
  },
  'no-security-policy': {
    label: 'No security policy',
    action: 'Add a SECURITY.md that says how to report a vulnerability privately.',
  },
  'no-dependency-updates': {
    label: 'No automated dependency updates',
    action: 'Configure Dependabot or Renovate for your dependencies and your actions.',
  },
  'unsigned-release': {
    label: 'Unsigned release',
    action: 'Sign release artifacts and publish provenance (SLSA) so users can verify what they download.',
  },
} as const satisfies Record<SupplyChainKind, { label: string; action: string }>;

/** The kinds as a list, for the config schema. */
export const supplyChainKindNames = Object.keys(supplyChainKinds) as [SupplyChainKind, ...SupplyChainKind[]];
