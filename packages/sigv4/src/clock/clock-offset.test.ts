import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClockOffset } from "./clock-offset.js";

const LOCAL = Date.UTC(2024, 0, 1, 0, 0, 0); // the device thinks it is midnight
const SERVER = LOCAL + 10 * 60_000; // API Gateway says 00:10

const expiredBody = JSON.stringify({
  message:
    "Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z (20240101T001000Z - 5 min.)",
});
const notYetCurrentBody = JSON.stringify({
  message:
    "Signature not yet current: 20240101T002000Z is still later than 20240101T001500Z (20240101T001000Z + 5 min.)",
});

function response(status: number, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers) };
}

const serverDate = new Date(SERVER).toUTCString();
const fixed = () => LOCAL;

describe("createClockOffset", () => {
  it("starts with offset 0 and the local time", () => {
    const clock = createClockOffset({ now: fixed });
    expect([clock.offsetMs, clock.now().getTime()]).toEqual([0, LOCAL]);
  });

  it("learns the offset from a 'Signature expired' rejection's Date header", () => {
    const clock = createClockOffset({ now: fixed });
    const changed = clock.learnFromResponse(
      response(403, { date: serverDate, "x-amzn-ErrorType": "InvalidSignatureException" }),
      expiredBody,
    );
    expect([changed, clock.offsetMs, clock.now().getTime()]).toEqual([true, 600_000, SERVER]);
  });

  it("learns a negative offset from a 'Signature not yet current' rejection", () => {
    const clock = createClockOffset({ now: () => SERVER + 20 * 60_000 });
    clock.learnFromResponse(response(403, { date: serverDate }), notYetCurrentBody);
    expect(clock.offsetMs).toBe(-20 * 60_000);
  });

  it("recognises the raw message without the JSON wrapper", () => {
    const clock = createClockOffset({ now: fixed });
    const message = JSON.parse(expiredBody).message as string;
    expect(clock.learnFromResponse(response(403, { date: serverDate }), message)).toBe(true);
  });

  it("falls back to the server time in the message when Date is not readable", () => {
    const clock = createClockOffset({ now: fixed });
    expect(clock.learnFromResponse(response(403), expiredBody)).toBe(true);
    expect(clock.offsetMs).toBe(600_000);
  });

  it("keeps on working after the offset is learnt (now follows the local clock)", () => {
    let local = LOCAL;
    const clock = createClockOffset({ now: () => local });
    clock.learnFromResponse(response(403, { date: serverDate }), expiredBody);
    local += 1234;
    expect(clock.now().getTime()).toBe(SERVER + 1234);
  });

  it.each([
    [
      "a signature mismatch",
      403,
      JSON.stringify({
        message: "The request signature we calculated does not match the signature you provided.",
      }),
    ],
    [
      "an explicit deny",
      403,
      JSON.stringify({
        message: "User: anonymous is not authorized to perform: execute-api:Invoke",
      }),
    ],
    ["a 200 that quotes the text", 200, expiredBody],
    ["a 400 that quotes the text", 400, expiredBody],
    ["an empty body", 403, ""],
  ])("ignores %s", (_name, status, body) => {
    const clock = createClockOffset({ now: fixed });
    expect(clock.learnFromResponse(response(status, { date: serverDate }), body)).toBe(false);
    expect(clock.offsetMs).toBe(0);
  });

  it("ignores a rejection when no body text is given", () => {
    const clock = createClockOffset({ now: fixed });
    expect(clock.learnFromResponse(response(403, { date: serverDate }))).toBe(false);
  });

  it("returns false when the same offset is learnt again", () => {
    const clock = createClockOffset({ now: fixed });
    clock.learnFromResponse(response(403, { date: serverDate }), expiredBody);
    expect(clock.learnFromResponse(response(403, { date: serverDate }), expiredBody)).toBe(false);
  });

  it("returns false when neither the Date header nor the message gives the server time", () => {
    const clock = createClockOffset({ now: fixed });
    const body =
      '{"message":"Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z"}';
    expect(clock.learnFromResponse(response(403, { date: "garbage" }), body)).toBe(false);
  });

  it("accepts a settable offset and rejects a non-finite one", () => {
    const clock = createClockOffset({ now: fixed });
    clock.offsetMs = 5000;
    expect(clock.now().getTime()).toBe(LOCAL + 5000);
    expect(() => {
      clock.offsetMs = Number.NaN;
    }).toThrow(TypeError);
  });

  it("throws TypeError for a now that is not a function", () => {
    expect(() => createClockOffset({ now: 5 as never })).toThrow(TypeError);
  });

  it("corrects any skew to the server's second", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -7 * 86_400_000, max: 7 * 86_400_000 }),
        fc.integer({ min: 0, max: 999 }),
        (skew, ms) => {
          const local = LOCAL + ms;
          const clock = createClockOffset({ now: () => local + skew });
          clock.learnFromResponse(
            response(403, { date: new Date(local).toUTCString() }),
            expiredBody,
          );
          expect(Math.abs(clock.now().getTime() - local)).toBeLessThan(1000);
        },
      ),
    );
  });
});
