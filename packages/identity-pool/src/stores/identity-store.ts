/**
 * Where identity ids are kept between page loads or processes: any key-value store, sync or async
 * (`localStorage`, IndexedDB, Redis, a cookie jar). Keys are opaque strings derived from the pool
 * id and the signed-in user; values are identity ids (not secrets, but per-user).
 *
 * A store that throws is treated as empty (reads) or ignored (writes): credentials still work,
 * identity ids just are not kept.
 *
 * @example
 * ```ts
 * const map = new Map<string, string>();
 * const store: IdentityStore = {
 *   get: (key) => map.get(key),
 *   set: (key, value) => void map.set(key, value),
 *   delete: (key) => void map.delete(key),
 * };
 * ```
 */
export interface IdentityStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, value: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}
