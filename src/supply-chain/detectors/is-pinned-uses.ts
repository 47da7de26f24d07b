const FULL_COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}$/i;

/**
 * Whether a `uses:` reference is immutable: a local action (`./…`), a container image pinned by digest
 * (`docker://…@sha256:<64 hex>`), or an action or reusable workflow at a full-length commit SHA (`owner/repo@<40 hex>`;
 * 64 hex for SHA-256 repositories). Tags, branches and short SHAs can be moved or collide, so they are not pinned.
 */
export function isPinnedUses(uses: string): boolean {
  const reference = uses.trim();
  if (reference.startsWith('./')) return true;
  if (reference.startsWith('docker://')) return IMAGE_DIGEST.test(reference);
  const at = reference.lastIndexOf('@');
  return at > 0 && FULL_COMMIT_SHA.test(reference.slice(at + 1));
}
