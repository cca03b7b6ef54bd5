import type { IdentityStore } from "./identity-store.js";

/**
 * An {@link IdentityStore} on the browser's `localStorage` (or any Web Storage), so a returning
 * visitor keeps their guest identity and signed-in users skip `GetId`.
 *
 * @param storage - The Web Storage to use. @default globalThis.localStorage
 * @param prefix - Prefix of every key this store writes. @default "gatehouse.identity-pool:"
 * @returns The store.
 * @throws TypeError when there is no storage (server-side rendering, Node): use
 *   `memoryIdentityStore()` there.
 * @example
 * ```ts
 * const client = createIdentityPoolClient({
 *   identityPoolId: "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *   identityStore: localStorageIdentityStore(),
 * });
 * ```
 * @see https://developer.mozilla.org/docs/Web/API/Window/localStorage
 */
export function localStorageIdentityStore(
  storage: Storage | undefined = globalThis.localStorage,
  prefix = "gatehouse.identity-pool:",
): IdentityStore {
  if (typeof storage?.getItem !== "function") {
    throw new TypeError(
      "localStorageIdentityStore: no Web Storage here; pass one, or use memoryIdentityStore()",
    );
  }
  return {
    get: (key) => storage.getItem(prefix + key) ?? undefined,
    set: (key, value) => storage.setItem(prefix + key, value),
    delete: (key) => storage.removeItem(prefix + key),
  };
}
