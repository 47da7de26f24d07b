/** A fault to inject: on requests matching `method` (any when unset) and `path`, `times` times (Infinity: always). */
export interface FaultRule {
  method?: string;
  path: RegExp;
  /**
   * `error`: a 500; `secondary-limit`: a 403 with `retry-after` GitHub sends for secondary rate limits; `slow`: answer
   * after `delayMs`; `ghost-write`: the request is applied (a check run or comment is created) and then answered 502,
   * as when GitHub's front end times out on a write that went through.
   */
  kind: 'error' | 'secondary-limit' | 'slow' | 'ghost-write';
  times: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

/** A fault that fired, for the test to assert on. */
export interface FiredFault {
  kind: FaultRule['kind'];
  method: string;
  path: string;
}

/**
 * The fault for a request, if any: the first rule that matches and has uses left (its count goes down by one).
 * Pure apart from the counts kept in the rules.
 */
export function takeFault(rules: FaultRule[], method: string, path: string): FaultRule | undefined {
  for (const rule of rules) {
    if (rule.times <= 0) continue;
    if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
    if (!rule.path.test(path)) continue;
    rule.times -= 1;
    return rule;
  }
  return undefined;
}
