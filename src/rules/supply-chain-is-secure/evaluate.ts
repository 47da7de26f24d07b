import { compareText } from '../compare-text.js';
import type { SupplyChainFinding } from '../../supply-chain/types.js';
import { createRuleReporter } from '../create-rule-reporter.js';
import { formatCount } from '../format-numbers.js';
import { severities } from '../rule-options-shape.js';
import type { RuleInput, RuleResult } from '../types.js';
import type { SupplyChainOptions } from './config-schema.js';
import { metadata } from './metadata.js';
import { supplyChainKinds } from './supply-chain-kinds.js';

/**
 * Reports the supply-chain analysis' findings from `minSeverity` up: one finding per kind and file, with the most
 * severe item's severity, capped by the rule's `severity`.
 */
export function evaluate(input: RuleInput, options: SupplyChainOptions): RuleResult {
  const reporter = createRuleReporter(metadata, options.severity);
  if (input.supplyChain === null) {
    reporter.lack(null, 'supply-chain', 'the supply chain has not been analysed', { n: null, minimum: 0 });
    return reporter.result();
  }
  const floor = severities.indexOf(options.minSeverity);
  const groups = new Map<string, SupplyChainFinding[]>();
  for (const item of input.supplyChain) {
    if (severities.indexOf(item.severity) < floor || options.ignoreKinds.includes(item.kind)) continue;
    const key = `${item.kind}\u0000${item.file}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => compareText(a[0]!.kind, b[0]!.kind) || compareText(a[0]!.file, b[0]!.file),
  );
  for (const group of sorted) {
    const { kind, file } = group[0]!;
    const items = [...group].sort((a, b) => a.line - b.line);
    const lines = items.map((i) => i.line);
    const first = items.find((i) => i.line > 0);
    const { label, action } = supplyChainKinds[kind];
    const where = file === '' ? '' : ` in ${file}`;
    // The analysis weighs each kind (script injection is an error, an unpinned action a warning); the rule's
    // `severity` caps it.
    const worst = Math.max(...items.map((i) => severities.indexOf(i.severity)));
    const severity = severities[Math.min(worst, severities.indexOf(options.severity))]!;
    reporter.fire({
      area: null,
      title: `${label}${where}${items.length > 1 ? ` (${formatCount(items.length, 'place')})` : ''}`,
      evidence: {
        kind,
        file,
        count: items.length,
        lines,
        messages: items.map((i) => i.message),
        severities: items.map((i) => i.severity),
      },
      action,
      severity,
      ...(first ? { location: { path: file, startLine: first.line, endLine: first.line } } : {}),
    });
  }
  return reporter.result();
}
