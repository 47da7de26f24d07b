import { z } from 'zod';
import { compileCodeownersPattern } from '../areas/codeowners/compile-codeowners-pattern.js';
import { timezoneSchema, weekdaySchema } from './clock-config-schema.js';

/**
 * Where an organisation's settings live: this file in the organisation's `.github` repository (next to the
 * organisation-wide default `.github/fallacy-watch.yml` that repositories without their own fall back to).
 */
export const ORG_CONFIG_PATH = '.github/fallacy-watch-org.yml';

const repositoryNameSchema = z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'expected `owner/name`' });

/** One repository's part of an organisation area, as Kubernetes' `sigs.yaml` gives a SIG its subprojects' code. */
const orgAreaRepositorySchema = z.strictObject({
  repository: repositoryNameSchema.describe('`owner/name` of a repository of the organisation.'),
  paths: z
    .array(z.string().min(1).refine(isCodeownersPattern, { error: 'not a CODEOWNERS-style pattern' }))
    .default([])
    .describe('CODEOWNERS-style patterns: the PRs changing a matching file belong to the area. Empty: every PR and issue of the repository.'),
});

/** An area of the organisation, spanning repositories. */
export const orgAreaSchema = z.strictObject({
  name: z.string().min(1).describe('The area as reports show it, e.g. `sig/storage`; repositories’ own areas of this name join it.'),
  repositories: z.array(orgAreaRepositorySchema).min(1).describe('The repositories (and paths in them) that belong to the area.'),
});

/** Everything `.github/fallacy-watch-org.yml` may say. */
export const orgConfigSchema = z.strictObject({
  areas: z.array(orgAreaSchema).default([]).describe('Areas that span repositories, mapped to repositories and paths.'),
  digest: z
    .strictObject({
      enabled: z.boolean().default(false).describe('Open a weekly organisation digest issue.'),
      repository: z
        .string()
        .regex(/^[\w.-]+$/, { error: 'expected a repository name of the organisation (no owner)' })
        .default('.github')
        .describe('The organisation’s repository the digest issue goes to, e.g. `community` (the app must be installed on it).'),
      weekday: weekdaySchema.default('mon').describe('Day of the week the digest is posted: `mon` … `sun`.'),
      hour: z.number().int().min(0).max(23).default(9).describe('Hour of the day (0–23) the digest is posted.'),
      timezone: timezoneSchema.default('UTC').describe('IANA timezone of `weekday` and `hour`.'),
    })
    .prefault({})
    .describe('The weekly organisation digest issue.'),
  include: z
    .strictObject({
      archived: z.boolean().default(false).describe('Include archived repositories (read-only: nobody can act on their findings).'),
      forks: z.boolean().default(false).describe('Include forks (their activity usually belongs to the upstream project).'),
    })
    .prefault({})
    .describe('Which repositories the organisation report and digest cover; those left out are named in the digest.'),
  repositoryDigests: z
    .boolean()
    .default(true)
    .describe('Post each repository’s own weekly digest (false: only the organisation digest, whatever repositories configure).'),
});

export type OrgConfig = z.output<typeof orgConfigSchema>;
export type OrgAreaConfig = OrgConfig['areas'][number];

function isCodeownersPattern(pattern: string): boolean {
  try {
    compileCodeownersPattern(pattern);
    return true;
  } catch {
    return false;
  }
}
