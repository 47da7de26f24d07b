import { parseDocument } from 'yaml';
import { normalizeLogin, normalizeLogins } from './normalize-login.js';

/** OWNERS_ALIASES: alias (normalized) → its members (normalized logins). */
export type OwnersAliases = Map<string, Set<string>>;

/** An OWNERS_ALIASES file that could not be read; prow then uses no aliases at all. */
export class OwnersAliasesError extends Error {
  constructor(
    message: string,
    /** 1-based line, where the YAML parser knows it. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Parses OWNERS_ALIASES the way prow's `ParseAliasesConfig` does: `aliases:` maps a group name to a list of logins;
 * a flow mapping (`{alice, bob}`) lists its keys as members; an empty group (`group:` or `{}`) has no members;
 * a string instead of a list is an error. Alias names and members are normalized (case-insensitive, `@` dropped).
 * Throws {@link OwnersAliasesError} for invalid YAML or a malformed group.
 */
export function parseOwnersAliases(content: string): OwnersAliases {
  const document = parseDocument(content, { prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    throw new OwnersAliasesError(`error converting YAML to JSON: ${yamlError.message}`, yamlError.linePos?.[0]?.line ?? null);
  }
  const root: unknown = document.toJS();
  const result: OwnersAliases = new Map();
  if (root === null || root === undefined) return result;
  if (!isRecord(root)) throw new OwnersAliasesError('error unmarshaling JSON: OWNERS_ALIASES must be a mapping');
  const aliases = root.aliases;
  if (aliases === null || aliases === undefined) return result;
  if (!isRecord(aliases)) throw new OwnersAliasesError('error unmarshaling JSON: aliases must be a mapping');
  for (const [alias, members] of Object.entries(aliases)) {
    if (members === null || members === undefined) result.set(normalizeLogin(alias), new Set());
    else if (typeof members === 'string') {
      throw new OwnersAliasesError(`alias group '${alias}' must contain a list of members`);
    } else if (Array.isArray(members)) {
      if (!members.every((member) => typeof member === 'string')) {
        throw new OwnersAliasesError(`unexpected type for alias group member in '${alias}'`);
      }
      result.set(normalizeLogin(alias), normalizeLogins(members as string[]));
    } else if (isRecord(members)) {
      result.set(normalizeLogin(alias), normalizeLogins(Object.keys(members)));
    } else {
      throw new OwnersAliasesError(`unexpected type for alias group '${alias}'`);
    }
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
