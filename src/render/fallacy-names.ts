/**
 * The eight fallacies of distributed cloud native communities, as the product spec (`shared/spec/fallacies.md`)
 * lists them: number, rule id, the false belief, and "The Reality" (the talk's closing advice).
 *
 * Rendering needs names and advice for headings even when a finding arrives without rule metadata, so this table
 * is deliberately independent of the rules registry.
 */
export interface FallacyName {
  /** 1–8, the order of the talk. */
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

/** The eight fallacies, ordered by number. */
export const FALLACY_NAMES: readonly FallacyName[] = [
  {
    number: 1,
    rule: 'timelines-are-reliable',
    name: 'Timelines are reliable',
    short: 'timelines',
    reality: 'Timelines are optimistic',
  },
  {
    number: 2,
    rule: 'feedback-loops-are-tight',
    name: 'Feedback loops are tight',
    short: 'feedback loops',
    reality: 'Prefer communicating asynchronously; decide lazily, in writing',
  },
  {
    number: 3,
    rule: 'maintainer-bandwidth-is-infinite',
    name: 'Maintainer bandwidth is infinite',
    short: 'maintainer bandwidth',
    reality: 'Be extra empathetic and help maintainers help you',
  },
  {
    number: 4,
    rule: 'commitments-dont-change',
    name: "Commitments don't change",
    short: 'commitments',
    reality: "If you use a project in unique ways, contribute your feedback and your skill (Hyrum's law)",
  },
  {
    number: 5,
    rule: 'supply-chain-is-secure',
    name: 'Software supply chain is secure',
    short: 'supply chain',
    reality: 'Make your software supply chain secure',
  },
  {
    number: 6,
    rule: 'compromise-is-rare',
    name: 'Compromise is a rarity and not the norm',
    short: 'compromise',
    reality: 'Take into account maintainer incoherencies',
  },
  {
    number: 7,
    rule: 'onboarding-is-free',
    name: 'Cost of sustainably onboarding contributors is zero',
    short: 'onboarding',
    reality: 'With large communities, spend efforts on growing existing folks',
  },
  {
    number: 8,
    rule: 'staffing-is-homogeneous',
    name: 'Staffing across project areas is homogeneous',
    short: 'staffing',
    reality: 'Critical areas are the ones that are often understaffed',
  },
];

/**
 * The fallacy with this number; an unknown number (a rule outside the eight) gets a generic entry instead of
 * throwing, so one odd finding never breaks a whole report.
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
