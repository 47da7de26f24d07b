import { readFileSync } from 'node:fs';

/** Reads a JSON fixture from `shared/fixtures/`, which CI checks out beside this repository. */
export function readSharedFixture<T>(relativePath: string): T {
  const url = new URL(`../../../shared/fixtures/${relativePath}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
