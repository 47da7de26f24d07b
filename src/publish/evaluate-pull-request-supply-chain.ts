import type { FallacyWatchConfig } from '../config/config-schema.js';
import { EMPTY_METRIC_SET } from '../render/empty-metric-set.js';
import { evaluateRules } from '../rules/evaluate-rules.js';
import { rules } from '../rules/registry.js';
import type { Finding } from '../rules/types.js';
import { analyzeWorkflow } from '../supply-chain/analyze-workflow.js';
import { selectFindingsOnChangedLines } from '../supply-chain/select-findings-on-changed-lines.js';

const SUPPLY_CHAIN_RULE = rules.filter((rule) => rule.metadata.id === 'supply-chain-is-secure');

/**
 * The supply-chain findings (fallacy 5) a pull request is answerable for: each workflow it adds or changes is
 * analysed at its head commit, only findings on the lines it changed (and file-level ones) are kept, and the
 * `supply-chain-is-secure` rule turns them into findings with the configured options and suppressions, located on
 * the line for annotations. Pure.
 */
export function evaluatePullRequestSupplyChain(
  changedWorkflows: readonly { path: string; text: string; changedLines: ReadonlySet<number> }[],
  config: Pick<FallacyWatchConfig, 'rules' | 'suppress'>,
  repository: string,
  now: Date,
): Finding[] {
  if (changedWorkflows.length === 0) return [];
  const analysed = changedWorkflows.flatMap((workflow) => analyzeWorkflow(workflow.path, workflow.text));
  const selected = selectFindingsOnChangedLines(
    analysed,
    new Map(changedWorkflows.map((workflow) => [workflow.path, workflow.changedLines])),
  );
  if (selected.length === 0) return [];
  const outcome = evaluateRules(
    {
      repository,
      now,
      repo: { metrics: { ...EMPTY_METRIC_SET }, previous: { ...EMPTY_METRIC_SET } },
      areas: [],
      reviewers: [],
      supplyChain: selected,
    },
    { rules: config.rules, suppress: config.suppress },
    SUPPLY_CHAIN_RULE,
  );
  return outcome.findings;
}
