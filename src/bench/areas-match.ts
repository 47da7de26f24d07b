import { performance } from 'node:perf_hooks';
import { buildAreaModel } from '../areas/area-model.js';
import { createCodeownersResolver } from '../areas/codeowners/create-codeowners-resolver.js';
import { parseCodeowners } from '../areas/codeowners/parse-codeowners.js';
import type { Benchmark } from './index.js';
import { seededRandom } from '../sample/seeded-random.js';

const RULES = 1_000;
const PATHS = 100_000;
const RUNS = 5;

/**
 * A large monorepo's shape: 40 top-level directories, 25 packages each, modules below; and a CODEOWNERS of 1,000
 * rules like real ones — a default owner, mostly anchored directory rules, some anchored globs, and a few rules that
 * match anywhere (`*.md`, `docs/`, `**​/testdata/`), which every path must be tested against.
 */
function generateRepository(): { paths: string[]; codeowners: string } {
  const random = seededRandom(42).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const extensions = ['go', 'ts', 'py', 'md', 'yaml', 'json', 'c', 'h'];
  const leaves = ['src', 'lib', 'test', 'testdata', 'docs', 'internal', 'api'];
  const paths: string[] = [];
  for (let i = 0; i < PATHS; i += 1) {
    const depth = 2 + Math.floor(random() * 4);
    const segments = [`top${Math.floor(random() * 40)}`, `pkg${Math.floor(random() * 25)}`];
    while (segments.length < depth) segments.push(pick(leaves));
    segments.push(`file${i}.${pick(extensions)}`);
    paths.push(segments.join('/'));
  }
  const rules = ['* @acme/maintainers'];
  const unanchored = ['*.md @acme/docs', 'docs/ @acme/docs', '**/testdata/ @acme/qa', '*.proto @acme/api', 'Makefile @acme/build'];
  for (let i = 1; i < RULES; i += 1) {
    const top = `top${Math.floor(random() * 40)}`;
    const pkg = `pkg${Math.floor(random() * 25)}`;
    const owner = random() < 0.3 ? `@acme/team-${i % 60}` : `@user${i % 300}`;
    const roll = random();
    if (roll < 0.03) rules.push(unanchored[i % unanchored.length] as string);
    else if (roll < 0.15) rules.push(`/${top}/${pkg}/*.${pick(extensions)} ${owner}`);
    else if (roll < 0.2) rules.push(`/${top}/**/${pick(leaves)}/ ${owner}`);
    else if (roll < 0.5) rules.push(`/${top}/ ${owner}`);
    else rules.push(`/${top}/${pkg}/${random() < 0.5 ? `${pick(leaves)}/` : ''} ${owner}`);
  }
  return { paths, codeowners: rules.join('\n') };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** `areas-match`: resolving 100,000 paths against 1,000 CODEOWNERS rules (goal: well under a second). */
export const areasMatchBenchmark: Benchmark = {
  name: 'areas-match',
  run: async () => {
    const { paths, codeowners } = generateRepository();
    let owned = 0;
    const parse: number[] = [];
    const resolve: number[] = [];
    const model: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      let rules = parseCodeowners(codeowners).rules;
      parse.push(time(() => {
        rules = parseCodeowners(codeowners).rules;
      }));
      resolve.push(time(() => {
        const resolver = createCodeownersResolver(rules);
        owned = 0;
        for (const path of paths) if ((resolver.resolve(path)?.owners.length ?? 0) > 0) owned += 1;
      }));
      model.push(time(() => {
        const built = buildAreaModel({ paths, files: new Map([['.github/CODEOWNERS', codeowners]]) });
        for (const path of paths) built.ownersOf(path);
      }));
    }
    // The linear last-match scan the index replaces, on a 10,000-path sample.
    const rules = parseCodeowners(codeowners).rules;
    const sample = paths.slice(0, 10_000);
    const linear = time(() => {
      for (const path of sample) for (let i = rules.length - 1; i >= 0 && !rules[i]?.pattern.test(path); i -= 1);
    });
    const indexed = time(() => {
      const resolver = createCodeownersResolver(rules);
      for (const path of sample) resolver.resolve(path);
    });
    console.log(`rules ${RULES}, paths ${PATHS}, owned ${owned}, median of ${RUNS} runs`);
    console.log(`parse+compile 1,000 rules: ${median(parse).toFixed(1)} ms`);
    console.log(`resolve 100,000 paths (index + last match): ${median(resolve).toFixed(1)} ms`);
    console.log(`area model, build + ownersOf every path: ${median(model).toFixed(1)} ms`);
    console.log(`index speed-up over a linear scan (10,000 paths): ${(linear / indexed).toFixed(1)}x`);
  },
};
