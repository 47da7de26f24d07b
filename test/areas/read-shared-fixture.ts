import { readFileSync } from 'node:fs';

/** Reads a JSON conformance vector vendored under `test/fixtures/conformance/` (licences and sources beside each). */
export function readSharedFixture<T>(relativePath: string): T {
  const url = new URL(`../fixtures/conformance/${relativePath}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}
