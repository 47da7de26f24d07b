import type { ReleaseRecord } from '../core/records.js';
import { toIso, toIsoOrNull } from '../core/time.js';
import type { ReleaseNode } from './graphql-types.js';

/** Maps a release (asset list complete) to the webhook path's record: asset names sorted. */
export function mapRelease(repoId: number, node: ReleaseNode): ReleaseRecord {
  return {
    repoId,
    id: node.databaseId,
    tagName: node.tagName,
    name: node.name,
    draft: node.isDraft,
    prerelease: node.isPrerelease,
    createdAt: toIso(node.createdAt),
    publishedAt: toIsoOrNull(node.publishedAt),
    assetNames: node.releaseAssets.nodes.map((asset) => asset.name).sort(),
  };
}
