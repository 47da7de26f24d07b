/** A bound on bytes held at once (request bodies being read): a reservation is all or nothing. */
export interface ByteBudget {
  /** Reserves `bytes`; `false` (nothing reserved) when they would take the total over the limit. */
  tryReserve(bytes: number): boolean;
  release(bytes: number): void;
  /** Bytes reserved now. */
  readonly inUse: number;
  readonly limit: number;
}

/** Creates a budget of `limit` bytes. */
export function createByteBudget(limit: number): ByteBudget {
  let inUse = 0;
  return {
    tryReserve(bytes) {
      if (bytes > limit - inUse) return false;
      inUse += bytes;
      return true;
    },
    release(bytes) {
      inUse = Math.max(0, inUse - bytes);
    },
    get inUse() {
      return inUse;
    },
    limit,
  };
}
