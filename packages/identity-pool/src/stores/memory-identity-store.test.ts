import { describe, expect, it } from "vitest";
import { memoryIdentityStore } from "./memory-identity-store.js";

describe("memoryIdentityStore", () => {
  it("stores, reads and deletes", async () => {
    const store = memoryIdentityStore();
    await store.set("k", "us-east-1:id");
    const stored = await store.get("k");
    await store.delete("k");
    expect([stored, await store.get("k")]).toEqual(["us-east-1:id", undefined]);
  });
});
