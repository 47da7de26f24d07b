import type { RuleMetadata } from './fallacy-rule.js';
import type { ReportItem } from '../metrics/types.js';
import type { Evidence, EvidenceUnits, Finding, FindingLocation, RuleResult, Severity } from './types.js';

/** One finding, as a rule's check describes it; the reporter adds rule id, fallacy number, severity and advice. */
export interface FindingDraft {
  area: string | null;
  /** One plain-text line citing the numbers; logins never appear here (only in `evidence`). */
  title: string;
  evidence: Evidence;
  /** Units of evidence keys this finding declares itself (over the rule's `metadata.evidenceUnits`). */
  units?: EvidenceUnits;
  /** What to do, appended to the talk's "Reality" line. */
  action: string;
  location?: FindingLocation;
  /** A severity of its own, for rules whose findings differ in weight; default the rule's configured severity. */
  severity?: Severity;
  /** The countable things behind the finding (see `Finding.items`). */
  items?: ReportItem[];
  /** A GitHub search showing the whole list. */
  itemsUrl?: string;
}

/** Collects a rule's findings and its "insufficient data" notes while its checks run. */
export interface RuleReporter {
  fire(draft: FindingDraft): void;
  /** Records that `check` could not be judged in `area`. */
  lack(area: string | null, check: string, reason: string, evidence: Evidence): void;
  /**
   * `true` when `n` samples reach `minimum`; otherwise records why not (no data, or too few samples) and returns
   * `false`, so a check reads `if (!reporter.hasSample(...)) continue;`.
   */
  hasSample(area: string | null, check: string, n: number | null | undefined, minimum: number): n is number;
  result(): RuleResult;
}

/** Starts collecting for one rule run; findings get `severity`. */
export function createRuleReporter(metadata: RuleMetadata, severity: Severity): RuleReporter {
  const result: RuleResult = { findings: [], insufficientData: [] };
  const { id: rule, fallacy } = metadata;
  const reporter: RuleReporter = {
    fire({ area, title, evidence, units, action, location, severity: own, items, itemsUrl }) {
      const advice = `${metadata.reality}. ${action}`;
      const finding: Finding = { rule, fallacy, area, severity: own ?? severity, title, evidence, units: declareUnits(metadata, evidence, units), advice };
      if (location) finding.location = location;
      if (items) finding.items = items;
      if (itemsUrl) finding.items_url = itemsUrl;
      result.findings.push(finding);
    },
    lack(area, check, reason, evidence) {
      const description = metadata.checks[check];
      result.insufficientData.push({ rule, fallacy, area, check, ...(description ? { description } : {}), reason, evidence });
    },
    hasSample(area, check, n, minimum): n is number {
      if (n === null || n === undefined) {
        reporter.lack(area, check, 'no data', { n: null, minimum });
        return false;
      }
      if (n < minimum) {
        reporter.lack(area, check, n === 0 ? `no samples yet, ${minimum} needed` : `only ${n} of the ${minimum} samples needed`, { n, minimum });
        return false;
      }
      return true;
    },
    result: () => result,
  };
  return reporter;
}

/**
 * The unit of each key of `evidence`, in its order: the finding's own declaration, else the rule's. A key neither
 * declares is a programming error (thrown, so the rule's tests fail): units are never guessed from key names.
 */
export function declareUnits(metadata: Pick<RuleMetadata, 'id' | 'evidenceUnits'>, evidence: Evidence, own?: EvidenceUnits): EvidenceUnits {
  const units: EvidenceUnits = {};
  for (const key of Object.keys(evidence)) {
    const unit = own?.[key] ?? metadata.evidenceUnits[key];
    if (unit === undefined) throw new Error(`rule ${metadata.id}: evidence key "${key}" has no declared unit (metadata.evidenceUnits or the finding's units)`);
    units[key] = unit;
  }
  return units;
}
