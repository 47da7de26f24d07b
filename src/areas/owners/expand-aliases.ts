import { normalizeLogin } from './normalize-login.js';
import type { OwnersAliases } from './parse-owners-aliases.js';

/**
 * prow's `ExpandAliases`: every login that names an alias (case-insensitively) is replaced by the alias's members;
 * other logins stay as they are (an unknown alias is kept as a literal login). Without an aliases file
 * (`aliases === null`) the logins are returned unchanged.
 */
export function expandAliases(logins: Iterable<string>, aliases: OwnersAliases | null): Set<string> {
  const result = new Set(logins);
  if (aliases === null) return result;
  for (const login of [...result]) {
    const members = aliases.get(normalizeLogin(login));
    if (!members) continue;
    result.delete(login);
    for (const member of members) result.add(member);
  }
  return result;
}
