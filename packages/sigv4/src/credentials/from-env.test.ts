import { describe, expect, it } from "vitest";
import { fromEnv } from "./from-env.js";

const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

describe("fromEnv", () => {
  it("reads long-term keys", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: secret };
    expect(await fromEnv(env)()).toEqual({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret });
  });

  it("reads a session token and an ISO 8601 expiration", async () => {
    const credentials = await fromEnv({
      AWS_ACCESS_KEY_ID: "ASIAEXAMPLE",
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_SESSION_TOKEN: token,
      AWS_CREDENTIAL_EXPIRATION: "2030-01-02T03:04:05Z",
    })();
    expect(credentials).toEqual({
      accessKeyId: "ASIAEXAMPLE",
      secretAccessKey: secret,
      sessionToken: token,
      expiration: new Date("2030-01-02T03:04:05Z"),
    });
  });

  it("reads the variables at each call, not at creation", async () => {
    const env: Record<string, string | undefined> = {};
    const provider = fromEnv(env);
    Object.assign(env, { AWS_ACCESS_KEY_ID: "AKIDLATER", AWS_SECRET_ACCESS_KEY: secret });
    expect((await provider()).accessKeyId).toBe("AKIDLATER");
  });

  it.each([
    [{ AWS_SECRET_ACCESS_KEY: secret }, "AWS_ACCESS_KEY_ID"],
    [{ AWS_ACCESS_KEY_ID: "AKID" }, "AWS_SECRET_ACCESS_KEY"],
    [{ AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "" }, "AWS_SECRET_ACCESS_KEY"],
  ])("rejects with credentials_unavailable naming the missing variable (%#)", async (env, name) => {
    await expect(fromEnv(env)()).rejects.toThrowCode("credentials_unavailable", {
      name: "SigV4Error",
      path: name,
      message: expect.stringContaining(name),
    });
  });

  it("never puts a value in the error message", async () => {
    const call = fromEnv({ AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token })();
    for (const value of [secret, token]) {
      await expect(call).rejects.toThrowCode("credentials_unavailable", {
        message: expect.not.stringContaining(value),
      });
    }
  });

  it("rejects an unreadable AWS_CREDENTIAL_EXPIRATION with invalid_credentials", async () => {
    await expect(
      fromEnv({
        AWS_ACCESS_KEY_ID: "AKID",
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_CREDENTIAL_EXPIRATION: "tomorrow",
      })(),
    ).rejects.toThrowCode("invalid_credentials", {
      name: "SigV4Error",
      path: "AWS_CREDENTIAL_EXPIRATION",
    });
  });

  it("defaults to process.env", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: "AKIDFROMPROCESS",
      AWS_SECRET_ACCESS_KEY: secret,
    });
    try {
      expect((await fromEnv()()).accessKeyId).toBe("AKIDFROMPROCESS");
    } finally {
      process.env = saved;
    }
  });

  it("throws TypeError for an env that is not an object", () => {
    expect(() => fromEnv("AWS_ACCESS_KEY_ID=x" as never)).toThrow(TypeError);
  });
});
