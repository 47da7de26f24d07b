import type { GitHubClient } from '../github/client.js';
import type { ConfigValidation } from './config-problem.js';
import { ORG_CONFIG_PATH, type OrgConfig, orgConfigSchema } from './org-config-schema.js';
import { parseOrgConfigYaml } from './parse-org-config-yaml.js';

/** The repository an organisation's settings live in. */
export const ORG_CONFIG_REPOSITORY = '.github';

/**
 * Reads `.github/fallacy-watch-org.yml` from the organisation's `.github` repository. No file (or no access: the app
 * is not installed on that repository) means the defaults — no organisation digest, repository digests on; a file
 * that does not parse or validate is reported and the defaults are used. Any other failure of GitHub throws, so a
 * scheduler tries again later instead of acting on defaults the organisation may have turned off.
 */
export async function loadOrgConfig(octokit: GitHubClient, organization: string): Promise<ConfigValidation<OrgConfig>> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner: organization, repo: ORG_CONFIG_REPOSITORY, path: ORG_CONFIG_PATH });
    if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string') {
      return { config: orgConfigSchema.parse({}), errors: [{ path: '', message: `${ORG_CONFIG_PATH} is not a file; using the defaults` }], warnings: [] };
    }
    return parseOrgConfigYaml(Buffer.from(data.content, 'base64').toString('utf8'));
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) return { config: orgConfigSchema.parse({}), errors: [], warnings: [] };
    throw error;
  }
}
