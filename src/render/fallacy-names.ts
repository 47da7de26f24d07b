import type { RuleMetadata } from '../rules/fallacy-rule.js';
import { rules } from '../rules/registry.js';

/**
 * A fallacy as outputs name it: number, rule id, the false belief, a short label, and "The Reality" (the talk's
 * closing advice). Read from the rule's own metadata (`src/rules/<rule-id>/metadata.ts`), the one table of names.
 */
export interface FallacyName {
  /** The fallacy's number: 1–8 in the order of the talk, further rules after them. */
  number: number;
  /** Rule id, e.g. `feedback-loops-are-tight`. */
  rule: string;
  /** The false belief, e.g. "Feedback loops are tight". */
  name: string;
  /** A short label for one-line titles, e.g. "feedback loops". */
  short: string;
  /** "The Reality": the talk's advice. */
  reality: string;
}

/** A rule's fallacy, as outputs name it. */
export function toFallacyName(metadata: RuleMetadata): FallacyName {
  return { number: metadata.fallacy, rule: metadata.id, name: metadata.title, short: metadata.short, reality: metadata.reality };
}

/** Every registered rule's fallacy, ordered by number. */
export const FALLACY_NAMES: readonly FallacyName[] = rules.map((rule) => toFallacyName(rule.metadata)).sort((a, b) => a.number - b.number);

/**
 * The fallacy with this number; a number no registered rule has (a finding from elsewhere) gets a generic entry
 * instead of throwing, so one odd finding never breaks a whole report.
 */
export function lookUpFallacy(number: number): FallacyName {
  return (
    FALLACY_NAMES.find((fallacy) => fallacy.number === number) ?? {
      number,
      rule: 'unknown',
      name: `Fallacy ${number}`,
      short: `fallacy ${number}`,
      reality: '',
    }
  );
}
