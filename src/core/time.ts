/** Normalizes a GitHub timestamp (ISO string or epoch seconds, as `push` payloads use) to `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function toIso(value: string | number): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
  return date.toISOString();
}

/** `toIso` that passes `null`/`undefined` through as `null`. */
export function toIsoOrNull(value: string | number | null | undefined): string | null {
  return value === null || value === undefined ? null : toIso(value);
}
