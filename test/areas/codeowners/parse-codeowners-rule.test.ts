import { describe, expect, it } from 'vitest';
import {
  parseCodeownersRule,
  type CodeownersOwner,
  type CodeownersOwnerType,
} from '../../../src/areas/codeowners/parse-codeowners-rule.js';
import { readSharedFixture } from '../read-shared-fixture.js';

interface RuleVector {
  name: string;
  rule: string;
  pattern?: string;
  owners: CodeownersOwner[];
  comment?: string;
  error?: string;
}

const { vectors } = readSharedFixture<{ vectors: RuleVector[] }>('codeowners/parse_rule_vectors.json');

/**
 * Upstream runs the last three vectors with restricted owner matchers ("… without email matcher"): the owner form
 * the name says is missing is left out of the accepted types.
 */
function ownerTypesFor(name: string): CodeownersOwnerType[] | undefined {
  const missing = /^(\w+) owners without \w+ matcher$/.exec(name)?.[1];
  if (!missing) return undefined;
  return (['email', 'team', 'username'] as const).filter((type) => type !== missing);
}

describe('parseCodeownersRule (hmarr/codeowners parse_test.go vectors)', () => {
  it.each(vectors.filter((v) => v.error === undefined))('parses $name', (vector) => {
    const parsed = parseCodeownersRule(vector.rule);
    expect(parsed.pattern).toBe(vector.pattern);
    expect(parsed.owners).toEqual(vector.owners);
    expect(parsed.comment).toBe(vector.comment ?? '');
  });

  it.each(vectors.filter((v) => v.error !== undefined))('rejects $name', (vector) => {
    const ownerTypes = ownerTypesFor(vector.name);
    expect(() => parseCodeownersRule(vector.rule, ownerTypes ? { ownerTypes } : {})).toThrow(vector.error);
  });

  it('accepts the restricted-mode owners when every owner type is allowed (GitHub default)', () => {
    expect(parseCodeownersRule('file.txt foo@example.com').owners).toEqual([{ value: 'foo@example.com', type: 'email' }]);
  });

  it('rejects negated patterns, which GitHub does not support', () => {
    expect(() => parseCodeownersRule('!docs/ @user')).toThrow('negated pattern');
  });

  it('reports the 1-based position of a bad owner after other owners', () => {
    expect(() => parseCodeownersRule('a @ok bad')).toThrow("invalid owner format 'bad' at position 7");
  });
});
