import type { IdentityStore } from "./identity-store.js";

/**
 * An {@link IdentityStore} in memory: the default, kept for the life of the client (or of the
 * process, when shared between clients).
 *
 * @returns A new, empty store.
 * @example
 * ```ts
 * const identityStore = memoryIdentityStore();
 * const a = createIdentityPoolClient({ identityPoolId, identityStore });
 * const b = createIdentityPoolClient({ identityPoolId, identityStore }); // shares identity ids
 * ```
 */
export function memoryIdentityStore(): IdentityStore {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    delete: (key) => void map.delete(key),
  };
}
