import { z } from 'zod';
import { compileCodeownersPattern } from '../areas/codeowners/compile-codeowners-pattern.js';

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
