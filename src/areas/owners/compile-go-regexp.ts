import { RE2JS } from 're2js';

/** A compiled Go (RE2) regular expression, matched unanchored as Go's `MatchString` does. */
export interface GoRegexp {
  /** The expression as written. */
  source: string;
  /** Whether the expression matches any part of `input`. */
  test: (input: string) => boolean;
}

/**
 * Compiles `pattern` with Go's `regexp` syntax (RE2: inline flags such as `(?i)`, `\pL`, `[[:alpha:]]`, `\Q…\E`; no
 * look-around or back-references) through re2js, a maintained port of RE2. Throws an Error whose message starts
 * with `invalid regexp` when Go's `regexp.Compile` would reject it.
 */
export function compileGoRegexp(pattern: string): GoRegexp {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    throw new Error(`invalid regexp ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
  return { source: pattern, test: (input) => compiled.test(input) };
}
