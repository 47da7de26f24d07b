import type { z } from 'zod';
import type { KeyPath } from './config-problem.js';

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; valueType?: z.ZodType };

const defOf = (schema: z.ZodType): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * The keys a config schema accepts in the mapping at `path` (list indexes and record keys are walked through;
 * defaults, optionals and unions are looked into). Empty when the path leads nowhere known.
 */
export function knownKeysAt(schema: z.ZodType, path: KeyPath): string[] {
  let nodes: z.ZodType[] = [schema];
  for (const segment of [...path, null]) {
    const expanded = nodes.flatMap(expand);
    if (segment === null) return [...new Set(expanded.flatMap((node) => Object.keys(defOf(node).shape ?? {})))];
    nodes = expanded.flatMap((node) => {
      const def = defOf(node);
      if (def.type === 'object' && typeof segment === 'string' && def.shape?.[segment]) return [def.shape[segment]];
      if (def.type === 'array' && typeof segment === 'number' && def.element) return [def.element];
      if (def.type === 'record' && def.valueType) return [def.valueType];
      return [];
    });
  }
  return [];
}

/** The schema itself, or what it wraps: defaults, optionals, pipes, and every branch of a union. */
function expand(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return expand(def.innerType);
  if (def.type === 'pipe' && def.in) return expand(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(expand);
  return [schema];
}

/**
 * The candidate closest to a mistyped key, when it is close enough to be the likely intent: at most a third of its
 * letters differ (at least one edit allowed), letter swaps counting as one edit (`colck` → `clock`), case ignored.
 */
export function closestKey(typo: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(typo.length / 3));
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    const distance = editDistance(typo.toLowerCase(), key.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
