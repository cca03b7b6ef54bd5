import { describe, expect, it } from "vitest";
import { signRequest } from "../sign-request.js";
import { resolveCredentials } from "./resolve-credentials.js";

describe("resolveCredentials", () => {
  it("returns one frozen copy per credentials object while its fields stay the same", async () => {
    const input = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-one", sessionToken: "t" };
    const first = await resolveCredentials(input);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await resolveCredentials(input)).toBe(first);
    input.sessionToken = "u";
    const second = await resolveCredentials(input);
    expect(second).not.toBe(first);
    expect(second).toEqual({
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret-one",
      sessionToken: "u",
    });
  });

  it("signs with the current secret when the caller's credentials object is mutated", async () => {
    const request = { method: "GET", url: "https://abc123.execute-api.us-east-1.amazonaws.com/p" };
    const date = new Date("2024-05-01T12:00:00Z");
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-one" };
    const before = await signRequest(request, { credentials, date });
    credentials.secretAccessKey = "secret-two";
    const after = await signRequest(request, { credentials, date });
    const fresh = await signRequest(request, {
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-two" },
      date,
    });
    const [{ authorization }, { authorization: old }, { authorization: expected }] = [
      after.headers,
      before.headers,
      fresh.headers,
    ];
    expect(authorization).not.toBe(old);
    expect(authorization).toBe(expected);
  });
});
