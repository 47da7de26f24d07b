import type { RuleMetadata } from '../fallacy-rule.js';

/** Fallacy 5 (Deutsch's "the network is secure"): complacency is how malicious payloads get in. */
export const metadata: RuleMetadata = {
  id: 'supply-chain-is-secure',
  fallacy: 5,
  title: 'Software supply chain is secure',
  short: 'supply chain',
  summary:
    'Reports what the supply-chain analysis found in workflows and repository settings (unpinned actions, token ' +
    'permissions, dangerous triggers, script injection, piping downloads into a shell, no SECURITY.md, no ' +
    'dependency updates, unsigned releases), grouped by kind and file, from the configured severity up.',
  reality: 'Make your software supply chain secure',
  checks: {
    'supply-chain': 'Findings of the workflow and repository analysis at or above `minSeverity`.',
  },
  evidenceUnits: {
    kind: 'text',
    file: 'text',
    count: 'count',
    lines: 'line',
    messages: 'text',
    severities: 'text',
  },
};
