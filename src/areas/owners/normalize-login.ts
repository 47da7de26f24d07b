/** prow's `github.NormLogin`: lower-case, leading `@` removed (`@CJWagner` → `cjwagner`). */
export function normalizeLogin(login: string): string {
  const lower = login.toLowerCase();
  return lower.startsWith('@') ? lower.slice(1) : lower;
}

/** {@link normalizeLogin} over a list, as a set (duplicates merged). */
export function normalizeLogins(logins: Iterable<string>): Set<string> {
  return new Set([...logins].map(normalizeLogin));
}
