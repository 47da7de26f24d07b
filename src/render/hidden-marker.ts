import { createHash } from 'node:crypto';

/** Marks the one sticky comment fallacy-watch keeps on a pull request. */
export const PR_COMMENT_MARKER = '<!-- fallacy-watch:pr-comment -->';

/** Hex digits of SHA-256 kept in the hash marker: 64 bits, plenty to tell two versions of one body apart. */
const HASH_LENGTH = 16;

const HASH_MARKER = /<!-- fallacy-watch:hash:([0-9a-f]+) -->/;

/** The content hash of a rendered body: the first 16 hex digits of the SHA-256 of its UTF-8 text. */
export function computeContentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/** `<!-- fallacy-watch:hash:<hash> -->` */
export function renderHashMarker(hash: string): string {
  return `<!-- fallacy-watch:hash:${hash} -->`;
}

/**
 * A body ready to publish: the identifying `marker` first, the content, then a hash marker computed over the
 * content. The publisher compares `readHash(existing.body)` with `readHash(body)` and edits only when they differ.
 */
export function wrapWithMarkers(marker: string, content: string): { body: string; hash: string } {
  const hash = computeContentHash(content);
  return { body: `${marker}\n${content}\n\n${renderHashMarker(hash)}\n`, hash };
}

/** The content hash a published body carries, or `null` for a body without one (edited by hand, or not ours). */
export function readHash(body: string | null | undefined): string | null {
  return body ? (HASH_MARKER.exec(body)?.[1] ?? null) : null;
}

/** Whether a body carries `marker` (by default the sticky PR comment's). */
export function hasMarker(body: string | null | undefined, marker: string = PR_COMMENT_MARKER): boolean {
  return body ? body.includes(marker) : false;
}

/**
 * The first item (comment, issue) whose body carries `marker`, e.g. the sticky comment among a PR's comments.
 * Anyone can type an HTML comment, so the publisher should pass only items authored by the app itself.
 */
export function findMarker<T extends { body?: string | null }>(
  items: readonly T[],
  marker: string = PR_COMMENT_MARKER,
): T | undefined {
  return items.find((item) => hasMarker(item.body, marker));
}
