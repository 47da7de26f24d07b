import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { parseConfigYaml } from '../../config/parse-config-yaml.js';
import { renderConfigProblems } from '../../config/render-config-problems.js';
import type { RegisterCommand } from './index.js';

/**
 * `fallacy-watch validate-config <file> [--print]`: prints the file's errors and warnings with key paths and lines,
 * the effective config (defaults filled in) with `--print`, and exits 1 when there are errors.
 */
export const registerValidateConfigCommand: RegisterCommand = (program) => {
  program
    .command('validate-config')
    .description('Check a .github/fallacy-watch.yml: errors and warnings with their key paths')
    .argument('<file>', 'path to the config file')
    .option('--print', 'print the effective configuration, defaults filled in')
    .action(async (file: string, options: { print?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(`error   ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
        process.exitCode = 1;
        return;
      }
      const validation = parseConfigYaml(text);
      const lines = renderConfigProblems(file, validation);
      const summary = `${validation.errors.length} error(s), ${validation.warnings.length} warning(s)`;
      process.stdout.write([...lines, lines.length === 0 ? `${file}: valid` : summary, ''].join('\n'));
      if (options.print) process.stdout.write(stringify(validation.config));
      if (validation.errors.length > 0) process.exitCode = 1;
    });
};
