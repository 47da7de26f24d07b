/**
 * A problem in an area source (CODEOWNERS, OWNERS, OWNERS_ALIASES, `.github/fallacy-watch.yml`). The line is 1-based;
 * `null` when the problem is not tied to one line (an unparsable YAML document without position, a bad regexp key).
 */
export interface AreaSourceError {
  file: string;
  line: number | null;
  message: string;
}
