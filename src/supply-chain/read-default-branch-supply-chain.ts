import type { Logger } from 'pino';
import type { RepositoryTarget } from '../core/repository-target.js';
import type { GitHubClient } from '../github/client.js';
import { analyzeSupplyChain } from './analyze-supply-chain.js';
import { fetchRepositorySignals } from './fetch-repository-signals.js';
import { fetchWorkflows } from './fetch-workflows.js';
import type { SupplyChainFinding } from './types.js';

/** The default branch's supply-chain findings, or `null` (the rule then says so) when they cannot be read. */
export async function readDefaultBranchSupplyChain(
  octokit: GitHubClient,
  target: Pick<RepositoryTarget, 'owner' | 'repo' | 'repoId' | 'fullName'>,
  log: Pick<Logger, 'warn'>,
): Promise<SupplyChainFinding[] | null> {
  try {
    const ref = { owner: target.owner, repo: target.repo };
    const workflows = await fetchWorkflows(octokit, ref);
    const signals = await fetchRepositorySignals(octokit, { ...ref, repoId: target.repoId });
    return analyzeSupplyChain({ ...signals, workflows });
  } catch (error) {
    log.warn({ err: error, repository: target.fullName }, 'supply chain could not be read; digest goes without it');
    return null;
  }
}
