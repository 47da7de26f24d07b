import { parse } from 'yaml';
import { formatKeyPath, type ConfigValidation } from './config-problem.js';
import { type OrgConfig, orgConfigSchema } from './org-config-schema.js';

/**
 * Parses and validates the text of `.github/fallacy-watch-org.yml`; never throws. Any problem is reported with its
 * key path and the organisation defaults (no declared areas) are used: an organisation area mapped half-way would
 * count other items than its maintainers think.
 */
export function parseOrgConfigYaml(text: string): ConfigValidation<OrgConfig> {
  const defaults = orgConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { config: defaults, errors: [{ path: '', message: `${message}; using the defaults` }], warnings: [] };
  }
  const parsed = orgConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { config: parsed.data, errors: [], warnings: [] };
  return {
    config: defaults,
    errors: parsed.error.issues.map((issue) => ({ path: formatKeyPath(issue.path), message: `${issue.message}; using the defaults` })),
    warnings: [],
  };
}
