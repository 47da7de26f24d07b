import type { Logger } from 'pino';
import { analyzeSupplyChain } from './analyze-supply-chain.js';
import { fetchRepositorySignals, type RepositorySignalsReader } from './fetch-repository-signals.js';
import { fetchWorkflows } from './fetch-workflows.js';
import type { SupplyChainFinding } from './types.js';

/** The repository a supply-chain read is about. */
export interface SupplyChainTarget {
  owner: string;
  repo: string;
  repoId: number;
  fullName: string;
}

/**
 * The default branch's supply-chain findings (its workflows and repository signals), or `null` when they cannot be
 * read: the rule then says it could not judge, and the digest goes on without them.
 */
export async function readRepositorySupplyChain(
  octokit: RepositorySignalsReader,
  target: SupplyChainTarget,
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
