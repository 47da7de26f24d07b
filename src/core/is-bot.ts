/**
 * The spec's bot test: `type == "Bot"`, a login ending in `[bot]`, or a login in the config's `ignoreUsers`
 * (compared case-insensitively, as GitHub logins are). Bots never count as responders, reviewers or contributors.
 */
export function isBot(login: string, type: string, ignoreUsers: ReadonlySet<string> = new Set()): boolean {
  return type === 'Bot' || login.toLowerCase().endsWith('[bot]') || ignoreUsers.has(login.toLowerCase());
}
