import { severities } from './rule-options-shape.js';
import type { Finding, Severity } from './types.js';

/**
 * The findings that make the check run fail under the config's `failOn`: an entry that is a severity matches
 * findings of that severity or worse (`warning` also matches `error`); any other entry is a rule id and matches
 * every finding of that rule. Suppressed findings should not be passed in.
 */
export function selectFailingFindings(findings: readonly Finding[], failOn: readonly string[]): Finding[] {
  const floors = failOn.filter((entry): entry is Severity => (severities as readonly string[]).includes(entry));
  const lowest = Math.min(...floors.map((severity) => severities.indexOf(severity)));
  return findings.filter(
    (finding) => failOn.includes(finding.rule) || severities.indexOf(finding.severity) >= lowest,
  );
}
