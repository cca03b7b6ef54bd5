import { describe, expect, it } from "vitest";
import { localStorageIdentityStore } from "./local-storage-identity-store.js";

function fakeStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe("localStorageIdentityStore", () => {
  it("writes under the prefix", async () => {
    const storage = fakeStorage();
    await localStorageIdentityStore(storage, "p:").set("k", "v");
    expect(storage.getItem("p:k")).toBe("v");
  });

  it("reads a missing key as undefined", async () => {
    expect(await localStorageIdentityStore(fakeStorage()).get("k")).toBeUndefined();
  });

  it("deletes", async () => {
    const storage = fakeStorage();
    const store = localStorageIdentityStore(storage);
    await store.set("k", "v");
    await store.delete("k");
    expect(storage.length).toBe(0);
  });

  it("throws a TypeError where there is no Web Storage", () => {
    expect(() => localStorageIdentityStore(undefined)).toThrow(/memoryIdentityStore/);
  });
});
