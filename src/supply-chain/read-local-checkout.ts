import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SupplyChainInput } from './analyze-supply-chain.js';
import { isWorkflowPath } from './is-workflow-path.js';

/** The folders whose entries the repository signals look at (as `fetchRepositorySignals` reads them from GitHub). */
const SIGNAL_DIRECTORIES = ['', '.github', 'docs', '.gitlab'];

/**
 * Reads what the supply-chain analysis needs from a local checkout: the entries of the root, `.github/`, `docs/`
 * and `.gitlab/`, and the text of `.github/workflows/*.yml|yaml`. Releases are not in a checkout: `releases` is
 * `null`, so no release check is made. Missing folders are skipped.
 */
export async function readLocalCheckout(dir: string): Promise<SupplyChainInput> {
  const paths: string[] = [];
  for (const directory of SIGNAL_DIRECTORIES) {
    const names = await readdir(join(dir, directory)).catch(() => [] as string[]);
    paths.push(...names.map((name) => (directory ? `${directory}/${name}` : name)));
  }
  const workflowNames = await readdir(join(dir, '.github', 'workflows'), { withFileTypes: true }).catch(() => []);
  const workflows = [];
  for (const entry of workflowNames) {
    const path = `.github/workflows/${entry.name}`;
    if (!entry.isFile() || !isWorkflowPath(path)) continue;
    workflows.push({ path, text: await readFile(join(dir, path), 'utf8') });
  }
  workflows.sort((a, b) => a.path.localeCompare(b.path));
  return { paths: paths.sort(), releases: null, workflows };
}
