import type { Context } from 'probot';
import type { ConfigValidation } from './config-problem.js';
import { CONFIG_PATH, createDefaultConfig, type FallacyWatchConfig } from './config-schema.js';
import { validateConfig } from './validate-config.js';

/** The config file's name inside `.github/`, as Probot's `context.config` takes it. */
const CONFIG_FILE_NAME = CONFIG_PATH.replace(/^\.github\//, '');

/**
 * Reads `.github/fallacy-watch.yml` with Probot's config loader and validates it; never throws. Through the loader,
 * a repository without the file gets its organisation's `.github` repository's file, and `_extends: other-repo`
 * (or `owner/repo:path.yml`) layers files, merged as Probot merges them (objects deeply, lists concatenated).
 * A file that cannot be read or parsed is an error and the defaults are used.
 */
export async function loadRepositoryConfig(
  context: Pick<Context, 'config'>,
): Promise<ConfigValidation<FallacyWatchConfig>> {
  let raw: unknown;
  try {
    raw = await context.config<Record<string, unknown>>(CONFIG_FILE_NAME);
  } catch (error) {
    return { config: createDefaultConfig(), errors: [describeLoadError(error)], warnings: [] };
  }
  return validateConfig(raw);
}

function describeLoadError(error: unknown): { path: string; message: string; line?: number } {
  const message = error instanceof Error ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, '') : String(error);
  const cause = error instanceof Error ? (error.cause as { message?: string; linePos?: { line: number }[] } | undefined) : undefined;
  const line = cause?.linePos?.[0]?.line;
  const detail = cause?.message ? `: ${cause.message.split('\n')[0]}` : '';
  return { path: '', message: `${message}${detail}; using the defaults`, ...(line === undefined ? {} : { line }) };
}
