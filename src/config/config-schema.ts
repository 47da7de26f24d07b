import { z } from 'zod';
import { areaLabelPrefixesSchema, areasConfigSchema } from '../areas/area-config-schema.js';
import { DEFAULT_BREAKING_CHANGE_LABELS, DEFAULT_REGRESSION_LABELS, DEFAULT_RELEASE_BLOCKER_LABELS } from '../metrics/metric-options.js';
import { ruleIds } from '../rules/registry.js';
import { severities } from '../rules/rule-options-shape.js';
import { clockConfigSchema, timezoneSchema, weekdaySchema } from './clock-config-schema.js';
import { responsesConfigSchema } from './responses-config-schema.js';
import { rulesConfigSchema } from './rules-config-schema.js';
import { suppressEntrySchema } from './suppress-entry-schema.js';

/** The path of the repository's config file; Probot's loader also reads it from the org's `.github` repository. */
export const CONFIG_PATH = '.github/fallacy-watch.yml';

/** A login as the config writes it (matched case-insensitively by the metrics). */
const loginSchema = z.string().min(1);

/** Everything `.github/fallacy-watch.yml` may say. Unknown keys are reported (objects are strict); all keys default. */
export const fallacyWatchConfigSchema = z.strictObject({
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(28)
    .describe('Length of the report window in days; the previous window, for trends, has the same length.'),
  slaHours: z
    .number()
    .positive()
    .default(72)
    .describe('An open PR or issue with no response older than this many hours counts as unanswered.'),
  clock: clockConfigSchema,
  ignoreUsers: z
    .array(loginSchema)
    .default([])
    .describe('Logins treated like bots: never counted as authors, responders, reviewers or contributors.'),
  responses: responsesConfigSchema,
  labels: z
    .strictObject({
      breaking: z
        .array(z.string().min(1))
        .default([...DEFAULT_BREAKING_CHANGE_LABELS])
        .describe('Labels that mark a merged PR as a breaking change (case-insensitive).'),
      regression: z
        .array(z.string().min(1))
        .default([...DEFAULT_REGRESSION_LABELS])
        .describe('Labels that mark an issue as a regression report (case-insensitive).'),
      releaseBlocker: z
        .array(z.string().min(1))
        .default([...DEFAULT_RELEASE_BLOCKER_LABELS])
        .describe('Labels that mark an issue or PR as blocking the next release (case-insensitive).'),
    })
    .prefault({})
    .describe('Labels the metrics look for.'),
  areas: areasConfigSchema.describe(
    'Declared areas; they override OWNERS and CODEOWNERS. Each has `name`, `paths` (CODEOWNERS-style patterns), ' +
      '`owners` (logins or `org/team`) and `labels`.',
  ),
  areaLabelPrefixes: areaLabelPrefixesSchema.describe(
    'Label prefixes that place an issue or PR in an area: the label `area/storage` places it in the area `area/storage` (or in the declared area that lists the label).',
  ),
  rules: rulesConfigSchema,
  suppress: z
    .array(suppressEntrySchema)
    .default([])
    .describe('Findings to suppress: `rule`, optional `area`, optional `until` date and a required `reason`.'),
  failOn: z
    .array(z.enum([...severities, ...ruleIds] as [string, ...string[]]))
    .default([])
    .describe(
      'What makes the check run fail: a severity (that severity or worse) or a rule id (any finding of that rule). ' +
        'Empty (the default): the check run is `neutral` when there are findings, `success` when there are none.',
    ),
  comment: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe('Keep one comment on a PR when its author has something to know (first contribution, contested review, supply-chain risk).'),
    })
    .prefault({})
    .describe('The pull-request comment.'),
  digest: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Open a weekly digest issue with the report.'),
      weekday: weekdaySchema.default('mon').describe('Day of the week the digest is posted: `mon` … `sun`.'),
      hour: z.number().int().min(0).max(23).default(9).describe('Hour of the day (0–23) the digest is posted.'),
      timezone: timezoneSchema.default('UTC').describe('IANA timezone of `weekday` and `hour`.'),
      repository: z
        .string()
        .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'expected `owner/name`' })
        .nullable()
        .default(null)
        .describe('`owner/name` of the repository the digest issue goes to; `null`: this repository.'),
    })
    .prefault({})
    .describe('The weekly digest issue.'),
  backfillDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(180)
    .describe('How many days of history to import when the app is installed.'),
});

/** The effective configuration: every key present, defaults filled in. */
export type FallacyWatchConfig = z.output<typeof fallacyWatchConfigSchema>;

/** The configuration a repository without `.github/fallacy-watch.yml` gets (a fresh object each call). */
export function createDefaultConfig(): FallacyWatchConfig {
  return fallacyWatchConfigSchema.parse({});
}
