import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildAreaModel } from '../../areas/area-model.js';
import type { AreaSourceError } from '../../areas/area-source-error.js';
import { buildAreasReport } from '../../areas/build-areas-report.js';
import { readAreaCheckout } from '../../areas/read-area-checkout.js';
import { renderAreasTable } from '../../areas/render-areas-table.js';
import { CONFIG_PATH } from '../../config/config-schema.js';
import { parseConfigYaml } from '../../config/parse-config-yaml.js';
import { CliError } from '../cli-error.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch areas --dir <checkout> [--json] [--files]`: resolves every tracked file of a local git checkout
 * (`git ls-files`) against its area sources — `areas:` in `.github/fallacy-watch.yml`, OWNERS (prow semantics),
 * CODEOWNERS (GitHub semantics), else top-level directories — and prints the owners coverage, the areas with their
 * owners and file counts, the unowned paths and the config errors: a table, or with `--json` the
 * `fallacy-watch/areas@1` contract (with `--files`, also every path's owners and areas). Exits 0: it is a report.
 */
export const registerAreasCommand: RegisterCommand = (program) => {
  program
    .command('areas')
    .description('show areas, owners and owners coverage of a local checkout (config areas, OWNERS, CODEOWNERS)')
    .option('--dir <checkout>', 'the git checkout to resolve', '.')
    .option('--json', 'print the fallacy-watch/areas@1 JSON instead of a table')
    .option('--files', 'also list every file with its owners and areas')
    .action(async (options: { dir: string; json?: boolean; files?: boolean }, command: Command) => {
      const dir = resolve(options.dir);
      const isDirectory = await stat(dir).then((info) => info.isDirectory(), () => false);
      if (!isDirectory) throwCliError(`areas: not a directory: ${dir}`);
      const checkout = await readAreaCheckout(dir).catch((error: Error) => throwCliError(`areas: cannot list files with git in ${dir}: ${error.message}`));

      const configErrors: AreaSourceError[] = [];
      let configAreas;
      let labelPrefixes;
      if (checkout.config !== null) {
        const parsed = parseConfigYaml(checkout.config);
        configAreas = parsed.config.areas;
        labelPrefixes = parsed.config.areaLabelPrefixes;
        // Unknown keys are warnings to the validator; here they are listed with the errors, as the user must fix both.
        for (const problem of [...parsed.errors, ...parsed.warnings]) {
          configErrors.push({ file: CONFIG_PATH, line: problem.line ?? null, message: problem.path ? `${problem.path}: ${problem.message}` : problem.message });
        }
      }
      const model = buildAreaModel({
        paths: checkout.paths,
        files: checkout.files,
        ...(configAreas ? { configAreas } : {}),
        ...(labelPrefixes ? { labelPrefixes } : {}),
      });
      const report = buildAreasReport(model, checkout.paths, options.files ?? false);
      report.errors = [...configErrors, ...report.errors];
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderAreasTable(report));
    });
};

function throwCliError(message: string): never {
  throw new CliError(message);
}
