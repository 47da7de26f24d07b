import type { CodeownersRule } from './parse-codeowners.js';

/** Finds the rule that decides a path's owners. */
export interface CodeownersResolver {
  /** The last rule in the file that matches `path` (GitHub: last match wins), or `null` when none does. */
  resolve: (path: string) => CodeownersRule | null;
}

interface TrieNode {
  /** Indexes into the rule list, in file order. */
  rules: number[];
  children: Map<string, TrieNode>;
}

/**
 * Indexes rules by their anchored literal directory prefix so a path is only tested against rules that can match
 * it: `/src/api/*.go` lives under `src → api` in a trie, `*.md` (matches anywhere) at the root. Resolving walks the
 * path's segments down the trie and merges the visited nodes' rule lists from the latest rule back, testing each
 * until one matches. With a typical file of mostly anchored directory rules this tests a handful of rules per path
 * instead of all of them; the result is exactly "last matching rule in the file".
 */
export function createCodeownersResolver(rules: readonly CodeownersRule[]): CodeownersResolver {
  const root: TrieNode = { rules: [], children: new Map() };
  rules.forEach((rule, index) => {
    let node = root;
    for (const segment of rule.pattern.anchoredPrefix ?? []) {
      let child = node.children.get(segment);
      if (!child) {
        child = { rules: [], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.rules.push(index);
  });

  const resolve = (path: string): CodeownersRule | null => {
    // The trie nodes along the path: the root, then one per leading segment that has a child.
    const lists: number[][] = [root.rules];
    let node: TrieNode | undefined = root;
    let start = 0;
    while (start <= path.length) {
      const slash = path.indexOf('/', start);
      const end = slash === -1 ? path.length : slash;
      node = node.children.get(path.slice(start, end));
      if (!node) break;
      lists.push(node.rules);
      start = end + 1;
    }
    // Merge the candidate lists from the latest rule back; the first that matches is the last match in the file.
    const cursors = lists.map((list) => list.length - 1);
    for (;;) {
      let pick = -1;
      let index = -1;
      for (let i = 0; i < lists.length; i += 1) {
        const cursor = cursors[i] as number;
        if (cursor < 0) continue;
        const candidate = (lists[i] as number[])[cursor] as number;
        if (candidate > index) {
          index = candidate;
          pick = i;
        }
      }
      if (pick === -1) return null;
      cursors[pick] = (cursors[pick] as number) - 1;
      const rule = rules[index] as CodeownersRule;
      if (rule.pattern.test(path)) return rule;
    }
  };
  return { resolve };
}
