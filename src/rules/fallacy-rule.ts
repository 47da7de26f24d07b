/** The shape of one fallacy rule unit: a folder under `src/rules/` whose `index.ts` exports a `FallacyRule`. */
import type { z } from 'zod';
import type { EvidenceUnits, RuleInput, RuleResult, Severity } from './types.js';

/** What a rule is, for humans: the generated `docs/rules.md` and every finding's advice come from here. */
export interface RuleMetadata {
  /** Kebab-case id, equal to the rule's folder name, e.g. `feedback-loops-are-tight`. */
  id: string;
  /** The fallacy's number in the talk, 1–8 (a rule beyond the talk takes the next free number). */
  fallacy: number;
  /** The false belief, e.g. `Feedback loops are tight`, as the product spec names it (its headings in every output). */
  title: string;
  /** A short label for one-line titles (check-run annotations), e.g. `feedback loops`. */
  short: string;
  /** What the rule measures and when it fires, one or two sentences. */
  summary: string;
  /** The talk's "The Reality" line, which every finding's advice starts with. */
  reality: string;
  /** The checks the rule runs, by id, each with a one-line description (for the docs and `InsufficientData.check`). */
  checks: Readonly<Record<string, string>>;
  /**
   * The unit of each evidence key the rule's findings carry; a key whose unit differs between checks (`limit`) is
   * declared by the finding itself (`FindingDraft.units`). A finding with an undeclared key is an error.
   */
  evidenceUnits: Readonly<EvidenceUnits>;
}

/** Options every rule has, whatever its thresholds. */
export interface RuleOptionsBase {
  enabled: boolean;
  severity: Severity;
}

/**
 * One rule: metadata, a zod schema of its options (with defaults and `.describe()` docs), and a pure `evaluate`
 * over the metrics. `evaluate` reads no clock and does no I/O; `input.now` is the only time it knows.
 */
export interface FallacyRule<Options extends RuleOptionsBase = RuleOptionsBase> {
  metadata: RuleMetadata;
  configSchema: z.ZodType<Options, unknown>;
  /** Method syntax on purpose: a registry of rules with different options is a `FallacyRule[]`. */
  evaluate(input: RuleInput, options: Options): RuleResult;
}
