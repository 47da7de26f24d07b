/**
 * The eight rules, in fallacy order: the one explicit list the config schema, the docs and `evaluateRules` read.
 * A test keeps it equal to the rule folders on disk.
 */
import * as commitmentsDontChange from './commitments-dont-change/index.js';
import * as compromiseIsRare from './compromise-is-rare/index.js';
import type { FallacyRule } from './fallacy-rule.js';
import * as feedbackLoopsAreTight from './feedback-loops-are-tight/index.js';
import * as maintainerBandwidthIsInfinite from './maintainer-bandwidth-is-infinite/index.js';
import * as onboardingIsFree from './onboarding-is-free/index.js';
import * as staffingIsHomogeneous from './staffing-is-homogeneous/index.js';
import * as supplyChainIsSecure from './supply-chain-is-secure/index.js';
import * as timelinesAreReliable from './timelines-are-reliable/index.js';

export const rules: readonly FallacyRule[] = [
  timelinesAreReliable,
  feedbackLoopsAreTight,
  maintainerBandwidthIsInfinite,
  commitmentsDontChange,
  supplyChainIsSecure,
  compromiseIsRare,
  onboardingIsFree,
  staffingIsHomogeneous,
];

/** The rule ids, in fallacy order. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.metadata.id);
