/** Runs tasks one at a time per key. */
export type KeyLock = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/**
 * A lock per key inside this process: tasks with the same key run one after another, others in parallel. Two
 * deliveries about one pull request (`synchronize` and `check_suite.requested` arrive together) thus never both
 * find "no check run yet" and both create one. Keys are forgotten once their last task settles.
 */
export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
