/** What kind of owner a CODEOWNERS entry names. */
export type CodeownersOwnerType = 'username' | 'team' | 'email';

/** One owner of a CODEOWNERS rule: `@user` → `user`, `@org/team` → `org/team`, an email as written. */
export interface CodeownersOwner {
  value: string;
  type: CodeownersOwnerType;
}

/** A parsed CODEOWNERS line. `owners` is empty for a rule that un-owns its paths. */
export interface ParsedCodeownersRule {
  pattern: string;
  owners: CodeownersOwner[];
  /** Text after `#`, trimmed; `''` when none. */
  comment: string;
}

export interface ParseCodeownersRuleOptions {
  /** The owner forms accepted; others are an `invalid owner format` error. Default: all three, as GitHub does. */
  ownerTypes?: readonly CodeownersOwnerType[];
}

const OWNER_FORMATS: Record<CodeownersOwnerType, RegExp> = {
  email: /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,6}$/,
  team: /^@([A-Za-z0-9-]+\/[A-Za-z0-9_-]+)$/,
  username: /^@([A-Za-z0-9_-]+)$/,
};
const ALL_OWNER_TYPES: readonly CodeownersOwnerType[] = ['email', 'team', 'username'];

/** A line GitHub would reject, with the message it is reported under. */
export class CodeownersRuleError extends Error {}

/**
 * Parses one CODEOWNERS line (not blank, not a `#` comment line) the way GitHub reads it: the pattern runs to the
 * first unescaped whitespace (`\ ` keeps a space in it, the backslash stays in the pattern), then whitespace-separated
 * owners; `#` starts a comment anywhere. Throws {@link CodeownersRuleError} for an empty rule, an owner that is not
 * `@user`, `@org/team` or an email (`invalid owner format 'x' at position n`, 1-based) or a negated pattern (`!`),
 * which GitHub does not support.
 */
export function parseCodeownersRule(line: string, options: ParseCodeownersRuleOptions = {}): ParsedCodeownersRule {
  const ownerTypes = options.ownerTypes ?? ALL_OWNER_TYPES;
  const owners: CodeownersOwner[] = [];
  let comment = '';
  let pattern: string | null = null;
  let buffer = '';
  let bufferStart = 0;
  let escaped = false;

  const flushOwner = () => {
    if (buffer === '') return;
    owners.push(parseOwner(buffer, bufferStart, ownerTypes));
    buffer = '';
  };

  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (ch === '#') {
      comment = line.slice(i + 1).trim();
      break;
    }
    const whitespace = ch === ' ' || ch === '\t';
    if (pattern === null) {
      if (whitespace && !escaped) {
        if (buffer !== '') {
          pattern = buffer;
          buffer = '';
        }
        continue;
      }
      escaped = ch === '\\' && !escaped;
      buffer += ch;
    } else if (whitespace) {
      flushOwner();
    } else {
      if (buffer === '') bufferStart = i;
      buffer += ch;
    }
  }
  if (pattern === null) {
    pattern = buffer;
    buffer = '';
  } else flushOwner();

  if (pattern === '') throw new CodeownersRuleError('unexpected end of rule');
  if (pattern.startsWith('!')) throw new CodeownersRuleError(`negated pattern '${pattern}' is not supported`);
  return { pattern, owners, comment };
}

function parseOwner(text: string, index: number, ownerTypes: readonly CodeownersOwnerType[]): CodeownersOwner {
  for (const type of ALL_OWNER_TYPES) {
    if (!ownerTypes.includes(type)) continue;
    const match = OWNER_FORMATS[type].exec(text);
    if (match) return { value: type === 'email' ? text : (match[1] ?? text), type };
  }
  throw new CodeownersRuleError(`invalid owner format '${text}' at position ${index + 1}`);
}
