import { afterEach, describe, expect, it } from "vitest";
import { raceSignal } from "./deadline.js";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off("unhandledRejection", record);
  unhandled.length = 0;
});

/** Lets the event loop turn, so Node reports any rejection nobody handled. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("raceSignal", () => {
  it("settles as the promise when the signal never aborts", async () => {
    await expect(
      raceSignal(Promise.resolve(1), new AbortController().signal, () => "x"),
    ).resolves.toBe(1);
  });

  it("rejects with the reason as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const pending = raceSignal(new Promise(() => undefined), controller.signal, () => "stopped");
    controller.abort();
    await expect(pending).rejects.toBe("stopped");
  });

  it("leaves no unhandled rejection behind when the signal had already aborted", async () => {
    process.on("unhandledRejection", record);
    let fail: (reason: unknown) => void = () => undefined;
    const promise = new Promise((_, reject) => {
      fail = reject;
    });
    await expect(raceSignal(promise, AbortSignal.abort(), () => "stopped")).rejects.toBe("stopped");
    fail(new Error("the provider failed later"));
    await turn();
    await turn();
    expect(unhandled).toEqual([]);
  });
});
