import { compileCodeownersPattern, type CodeownersPattern } from './compile-codeowners-pattern.js';
import { parseCodeownersRule, type CodeownersOwner, type CodeownersOwnerType } from './parse-codeowners-rule.js';
import type { AreaSourceError } from '../area-source-error.js';

/** A valid CODEOWNERS rule with its 1-based line number. */
export interface CodeownersRule {
  line: number;
  pattern: CodeownersPattern;
  owners: CodeownersOwner[];
}

/** A parsed CODEOWNERS file: the rules GitHub applies, in file order, and the lines it skips. */
export interface ParsedCodeowners {
  file: string;
  rules: CodeownersRule[];
  errors: AreaSourceError[];
}

/**
 * Parses a whole CODEOWNERS file. Blank lines and lines starting with `#` are ignored; an invalid line is reported
 * with its line number (as GitHub's "CODEOWNERS errors" do) and skipped, so the rest of the file still applies.
 * `\r\n` line endings are accepted.
 */
export function parseCodeowners(
  content: string,
  file = '.github/CODEOWNERS',
  ownerTypes?: readonly CodeownersOwnerType[],
): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const errors: AreaSourceError[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '' || text.startsWith('#')) return;
    try {
      const parsed = parseCodeownersRule(text, ownerTypes ? { ownerTypes } : {});
      rules.push({ line, pattern: compileCodeownersPattern(parsed.pattern), owners: parsed.owners });
    } catch (error) {
      errors.push({ file, line, message: (error as Error).message });
    }
  });
  return { file, rules, errors };
}
