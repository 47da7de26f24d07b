import { compareText } from './compare-text.js';
import type { RulesConfig } from '../config/rules-config-schema.js';
import type { SuppressEntry } from '../config/suppress-entry-schema.js';
import { rules as registry } from './registry.js';
import { severities } from './rule-options-shape.js';
import type { Finding, InsufficientData, RuleInput } from './types.js';
import type { FallacyRule } from './fallacy-rule.js';

/** A finding a `suppress` entry silenced, with the entry's reason. */
export interface SuppressedFinding {
  finding: Finding;
  reason: string;
  /** The entry's `until`, or `null` when it has none. */
  until: string | null;
}

/** Everything the rules said about one report. */
export interface RulesOutcome {
  /** Findings to show, most severe first, then by fallacy, area (repository first) and title. */
  findings: Finding[];
  /** Findings silenced by `suppress`, in the same order, so reports can say how many and why. */
  suppressed: SuppressedFinding[];
  /** Checks the enabled rules could not judge, by fallacy, area and check. */
  insufficientData: InsufficientData[];
  /** `suppress` entries whose `until` has passed: they silence nothing and can be removed from the config. */
  expiredSuppressions: SuppressEntry[];
}

/** What `evaluateRules` reads of the config. */
export interface RulesSettings {
  /** Options per rule id; a rule without an entry runs with its schema's defaults. */
  rules: Partial<RulesConfig>;
  suppress: SuppressEntry[];
}

/**
 * Runs every enabled rule with its configured options (thresholds, severity), then applies the `suppress` entries
 * against `input.now`. Pure: the same input and settings give the same outcome, in the same order.
 */
export function evaluateRules(
  input: RuleInput,
  settings: RulesSettings,
  rules: readonly FallacyRule[] = registry,
): RulesOutcome {
  const found: Finding[] = [];
  const insufficientData: InsufficientData[] = [];
  for (const rule of rules) {
    const options = settings.rules[rule.metadata.id] ?? rule.configSchema.parse({});
    if (!options.enabled) continue;
    const result = rule.evaluate(input, options);
    found.push(...result.findings);
    insufficientData.push(...result.insufficientData);
  }

  const active = settings.suppress.filter((entry) => isSuppressionActive(entry, input.now));
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of found.sort(compareFindings)) {
    const entry = active.find((e) => e.rule === finding.rule && (e.area === undefined || e.area === finding.area));
    if (entry) suppressed.push({ finding, reason: entry.reason, until: entry.until ?? null });
    else findings.push(finding);
  }
  return {
    findings,
    suppressed,
    insufficientData: insufficientData.sort(
      (a, b) => a.fallacy - b.fallacy || compareAreas(a.area, b.area) || compareText(a.check, b.check),
    ),
    expiredSuppressions: settings.suppress.filter((entry) => !active.includes(entry)),
  };
}

/**
 * A suppression without `until` is active forever; with a date (`2026-12-31`) through the end of that day (UTC);
 * with a date-time until that instant.
 */
export function isSuppressionActive(entry: Pick<SuppressEntry, 'until'>, now: Date): boolean {
  if (entry.until === undefined) return true;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(entry.until)
    ? Date.parse(`${entry.until}T00:00:00Z`) + 86_400_000
    : Date.parse(entry.until);
  return now.getTime() < end;
}

/** Most severe first, then fallacy number, area (repository first, then by name), title. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severities.indexOf(b.severity) - severities.indexOf(a.severity) ||
    a.fallacy - b.fallacy ||
    compareAreas(a.area, b.area) ||
    compareText(a.title, b.title)
  );
}

function compareAreas(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}
