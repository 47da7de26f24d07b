import type { GitHubPort } from '../github/client.js';

/** Of GitHub, what reading files and folders at a ref takes (the contents API). */
export type FileReader = GitHubPort<{ repos: 'getContent' }>;
import { isWorkflowPath } from './is-workflow-path.js';

/** A repository file's path and text, as the analysis reads it. */
export interface WorkflowFile {
  path: string;
  text: string;
}

/** Which repository and ref (branch, tag or commit SHA; omit for the default branch). */
export interface RepositoryRef {
  owner: string;
  repo: string;
  ref?: string;
}

const WORKFLOWS_DIR = '.github/workflows';

/**
 * Lists `.github/workflows/*.yml|yaml` at a ref through the contents API and reads each one. A repository without
 * that folder has no workflows (`[]`); other HTTP errors propagate. Sorted by path.
 */
export async function fetchWorkflows(octokit: FileReader, target: RepositoryRef): Promise<WorkflowFile[]> {
  const entries = await listDirectory(octokit, target, WORKFLOWS_DIR);
  const paths = entries
    .filter((entry) => entry.type === 'file' && isWorkflowPath(entry.path))
    .map((entry) => entry.path)
    .sort();
  const files: WorkflowFile[] = [];
  for (const path of paths) {
    const text = await fetchFileText(octokit, target, path);
    if (text !== null) files.push({ path, text });
  }
  return files;
}

/** The entries of one directory at a ref (`[]` when it does not exist or is a file). */
export async function listDirectory(
  octokit: FileReader,
  target: RepositoryRef,
  path: string,
): Promise<Array<{ path: string; type: string }>> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...target, path });
    return Array.isArray(data) ? data.map((entry) => ({ path: entry.path, type: entry.type })) : [];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/**
 * One file's text at a ref, `null` when it does not exist (e.g. deleted by the pull request). Falls back to the raw
 * media type when the JSON answer carries no content (files over 1 MB).
 */
export async function fetchFileText(octokit: FileReader, target: RepositoryRef, path: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...target, path });
    if (Array.isArray(data) || data.type !== 'file') return null;
    if ('encoding' in data && data.encoding === 'base64' && data.content) {
      return Buffer.from(data.content, 'base64').toString('utf8');
    }
    const raw = await octokit.rest.repos.getContent({ ...target, path, mediaType: { format: 'raw' } });
    return String(raw.data);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;
}
