import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigProblem, ConfigValidation, KeyPath } from './config-problem.js';
import { createDefaultConfig, type FallacyWatchConfig } from './config-schema.js';
import { validateConfig } from './validate-config.js';

/**
 * Parses and validates the text of `.github/fallacy-watch.yml`; never throws. YAML syntax errors are reported with
 * their line and the defaults are used; otherwise every problem carries the line of the key it is about (or of its
 * nearest ancestor that is in the file, for a missing key).
 */
export function parseConfigYaml(text: string): ConfigValidation<FallacyWatchConfig> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toProblem = (error: { message: string; pos: [number, number] }, suffix = ''): ConfigProblem => ({
    path: '',
    message: `${error.message.split('\n')[0] ?? ''}${suffix}`,
    line: lineCounter.linePos(error.pos[0]).line,
  });
  const warnings = document.warnings.map((warning) => toProblem(warning));
  if (document.errors.length > 0) {
    const errors = document.errors.map((error) => toProblem(error, '; using the defaults'));
    return { config: createDefaultConfig(), errors, warnings };
  }
  const result = validateConfig(document.toJS(), (path) => {
    const offset = findKeyOffset(document, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  });
  return { ...result, errors: byLine(result.errors), warnings: byLine([...warnings, ...result.warnings]) };
}

/** Problems in file order: by line (stable), those without a line last. */
function byLine(problems: ConfigProblem[]): ConfigProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index)
    .map(({ problem }) => problem);
}

/** The source offset of the key (or list entry) at `path`, else of its nearest ancestor present in the document. */
function findKeyOffset(document: Document, path: KeyPath): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const parent = length === 1 ? document.contents : document.getIn(path.slice(0, length - 1) as unknown[], true);
    const last = path[length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    } else if (isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last];
      if (isNode(item) && item.range) return item.range[0];
    }
  }
  return undefined;
}
