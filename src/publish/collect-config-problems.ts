import type { AreaSourceError } from '../areas/area-source-error.js';
import type { ConfigValidation } from '../config/config-problem.js';
import { CONFIG_PATH } from '../config/config-schema.js';
import type { ConfigProblem } from '../render/index.js';

/**
 * The problems the check run shows: the config's errors and warnings (with the key they are about, annotated on
 * `.github/fallacy-watch.yml` when the line is known) and the area sources' errors (CODEOWNERS, OWNERS lines the
 * area model could not use), as warnings.
 */
export function collectConfigProblems(
  validation: Pick<ConfigValidation<unknown>, 'errors' | 'warnings'>,
  areaErrors: readonly AreaSourceError[] = [],
): ConfigProblem[] {
  const fromConfig = (severity: ConfigProblem['severity']) => (problem: ConfigValidation<unknown>['errors'][number]) => ({
    severity,
    message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
    path: CONFIG_PATH,
    ...(problem.line === undefined ? {} : { line: problem.line }),
  });
  return [
    ...validation.errors.map(fromConfig('error')),
    ...validation.warnings.map(fromConfig('warning')),
    ...areaErrors.map((error) => ({
      severity: 'warning' as const,
      message: error.message,
      path: error.file,
      ...(error.line === null ? {} : { line: error.line }),
    })),
  ];
}
