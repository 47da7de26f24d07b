import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyzeSupplyChain } from '../../supply-chain/analyze-supply-chain.js';
import { readLocalCheckout } from '../../supply-chain/read-local-checkout.js';
import { renderSupplyChainTable } from '../../supply-chain/render-supply-chain-table.js';
import type { SupplyChainFinding } from '../../supply-chain/types.js';
import { CliError } from '../cli-error.js';
import type { RegisterCommand } from './index.js';

/** The `--json` output's schema id. */
export const SUPPLY_CHAIN_SCHEMA = 'fallacy-watch/supply-chain@1';

/**
 * `fallacy-watch supply-chain --dir <checkout> [--json]`: the supply-chain findings (fallacy 5) of a local
 * checkout — workflows, security policy, dependency-update config — so a maintainer can check a repository before
 * installing the app. Prints a table, or with `--json` `{ "schema": "fallacy-watch/supply-chain@1", "findings":
 * [{ file, line, kind, severity, message }] }`. Always exits 0 when it could read the checkout: it is a report,
 * not a gate (use `--json` and a filter to gate CI on it).
 */
export const registerSupplyChainCommand: RegisterCommand = (program) => {
  program
    .command('supply-chain')
    .description('report supply-chain findings (workflows, security policy, dependency updates) of a local checkout; exits 0, it is a report, not a gate')
    .option('--dir <checkout>', 'the repository checkout to analyse', '.')
    .option('--json', 'print JSON ({ schema, findings }) instead of a table')
    .action(async (options: { dir: string; json?: boolean }, command: Command) => {
      const dir = resolve(options.dir);
      const isDirectory = await stat(dir).then((info) => info.isDirectory(), () => false);
      if (!isDirectory) throwCliError(`supply-chain: not a directory: ${dir}`);
      const findings = analyzeSupplyChain(await readLocalCheckout(dir));
      const output = options.json
        ? `${JSON.stringify({ schema: SUPPLY_CHAIN_SCHEMA, findings: findings.map(toJsonFinding) }, null, 2)}\n`
        : renderSupplyChainTable(findings);
      process.stdout.write(output);
    });
};

/** The JSON field order the contract documents: where, what, how bad, why. */
function toJsonFinding({ file, line, kind, severity, message }: SupplyChainFinding) {
  return { file, line, kind, severity, message };
}

function throwCliError(message: string): never {
  throw new CliError(message);
}
