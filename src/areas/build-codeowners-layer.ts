import { mergeArea, normalizeOwner, type Area, type AreaLayer } from './area.js';
import type { AreaSourceError } from './area-source-error.js';
import { createCodeownersResolver } from './codeowners/create-codeowners-resolver.js';
import { parseCodeowners } from './codeowners/parse-codeowners.js';
import { nameCodeownersArea } from './name-codeowners-area.js';

/**
 * Areas from a CODEOWNERS file: one per rule with owners, named by {@link nameCodeownersArea}; rules with the same
 * name merge into one area. A path belongs to the area of the last rule matching it (GitHub: last match wins) and
 * has that rule's owners; a path whose last match has no owners, or that no rule matches, is unowned and in no area.
 * CODEOWNERS owners are approvers (they are the reviews branch protection requires).
 */
export function buildCodeownersLayer(
  file: string,
  content: string,
  isTrackedFile: (path: string) => boolean,
): AreaLayer & { errors: AreaSourceError[] } {
  const parsed = parseCodeowners(content, file);
  const registry = new Map<string, Area>();
  const ruleAreas = parsed.rules.map((rule) => {
    if (rule.owners.length === 0) return null;
    const owners = [...new Set(rule.owners.map((owner) => normalizeOwner(owner.type === 'email' ? owner.value : `@${owner.value}`)))].sort();
    const name = nameCodeownersArea(rule.pattern.source, isTrackedFile);
    mergeArea(registry, { name, source: 'codeowners', owners, approvers: owners, reviewers: [], labels: [], definedBy: [rule.pattern.source] });
    return { name, owners };
  });
  const ruleIndex = new Map(parsed.rules.map((rule, index) => [rule, index]));
  const resolver = createCodeownersResolver(parsed.rules);
  return {
    areas: [...registry.values()],
    errors: parsed.errors,
    resolve: (path) => {
      const rule = resolver.resolve(path);
      const area = rule ? ruleAreas[ruleIndex.get(rule) ?? -1] : null;
      return area ? { areas: [area.name], owners: area.owners } : { areas: [], owners: [] };
    },
  };
}
