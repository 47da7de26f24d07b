import type { ConfigProblem, ConfigValidation } from './config-problem.js';

/**
 * Plain-text lines for config problems, errors first: `error   .github/fallacy-watch.yml:5 rules.x.y: message`.
 * The CLI prints them; the check run shows the same lines.
 */
export function renderConfigProblems(file: string, validation: Pick<ConfigValidation<unknown>, 'errors' | 'warnings'>): string[] {
  const render = (level: string, problem: ConfigProblem) => {
    const where = problem.line === undefined ? file : `${file}:${problem.line}`;
    const key = problem.path === '' ? '' : ` ${problem.path}:`;
    return `${level} ${where}${key} ${problem.message}`;
  };
  return [
    ...validation.errors.map((problem) => render('error  ', problem)),
    ...validation.warnings.map((problem) => render('warning', problem)),
  ];
}
