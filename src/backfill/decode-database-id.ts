/**
 * The numeric database id inside a GraphQL node id, for types GraphQL gives no `databaseId` (milestones).
 * Two formats exist: the legacy one, base64 of `<n>:<Type><id>` (`MDk6TWlsZXN0b25lMTIz` → `09:Milestone123`), and
 * the current one, `<PREFIX>_` + base64url of a MessagePack array whose last element is the id
 * (`MI_kwDOABCD…` → `[0, repoId, milestoneId]`). Returns `null` for anything else.
 */
export function decodeDatabaseId(nodeId: string): number | null {
  const underscore = nodeId.indexOf('_');
  if (underscore > 0) {
    const bytes = Buffer.from(nodeId.slice(underscore + 1), 'base64url');
    return decodeLastInteger(bytes);
  }
  const legacy = /^\d+:[A-Za-z]+(\d+)$/.exec(Buffer.from(nodeId, 'base64').toString('latin1'));
  return legacy ? Number(legacy[1]) : null;
}

/** The last element of a MessagePack array of non-negative integers, or `null` if the bytes are not one. */
function decodeLastInteger(bytes: Buffer): number | null {
  const head = bytes[0];
  if (head === undefined || head < 0x90 || head > 0x9f) return null;
  let count = head - 0x90;
  let offset = 1;
  let last: number | null = null;
  while (count > 0) {
    const tag = bytes[offset];
    if (tag === undefined) return null;
    if (tag <= 0x7f) {
      last = tag;
      offset += 1;
    } else if (tag === 0xcc && offset + 1 < bytes.length) {
      last = bytes.readUInt8(offset + 1);
      offset += 2;
    } else if (tag === 0xcd && offset + 2 < bytes.length) {
      last = bytes.readUInt16BE(offset + 1);
      offset += 3;
    } else if (tag === 0xce && offset + 4 < bytes.length) {
      last = bytes.readUInt32BE(offset + 1);
      offset += 5;
    } else if (tag === 0xcf && offset + 8 < bytes.length) {
      last = Number(bytes.readBigUInt64BE(offset + 1));
      offset += 9;
    } else {
      return null;
    }
    count -= 1;
  }
  return last;
}

/** The current-format node id of a record (`MI_` + MessagePack `[0, repoId, id]`), as GitHub mints them. */
export function encodeNodeId(prefix: string, repoId: number, id: number): string {
  const parts = [0, repoId, id].map((value) => {
    if (value <= 0x7f) return Buffer.from([value]);
    const out = Buffer.alloc(5);
    out.writeUInt8(0xce, 0);
    out.writeUInt32BE(value, 1);
    return out;
  });
  return `${prefix}_${Buffer.concat([Buffer.from([0x93]), ...parts]).toString('base64url')}`;
}
