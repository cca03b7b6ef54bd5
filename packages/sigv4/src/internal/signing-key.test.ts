import { createHmac } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import { getSigningKey as smithySigningKey } from "@smithy/signature-v4";
import { beforeEach, describe, expect, it } from "vitest";
import { clearSigningKeyCache, getSigningKey } from "./signing-key.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const derive = (secret: string, date: string, region: string, service: string) => {
  let key: Buffer | string = `AWS4${secret}`;
  for (const part of [date, region, service, "aws4_request"]) {
    key = createHmac("sha256", key).update(part).digest();
  }
  return (key as Buffer).toString("hex");
};

describe("getSigningKey", () => {
  beforeEach(clearSigningKeyCache);

  it("derives the same key as smithy's getSigningKey", async () => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret/one+" };
    expect(hex(getSigningKey(credentials, "20240501", "us-east-1", "execute-api"))).toBe(
      hex(await smithySigningKey(Sha256, credentials, "20240501", "us-east-1", "execute-api")),
    );
  });

  it("never reuses a cached key for another secret under the same access key id", () => {
    const first = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-one" };
    const second = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-two" };
    for (let round = 0; round < 2; round++) {
      expect(hex(getSigningKey(first, "20240501", "us-east-1", "execute-api"))).toBe(
        derive("secret-one", "20240501", "us-east-1", "execute-api"),
      );
      expect(hex(getSigningKey(second, "20240501", "us-east-1", "execute-api"))).toBe(
        derive("secret-two", "20240501", "us-east-1", "execute-api"),
      );
    }
  });

  it("notices a secret changed on a mutable credentials object", () => {
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-one" };
    getSigningKey(credentials, "20240501", "us-east-1", "execute-api");
    credentials.secretAccessKey = "secret-two";
    expect(hex(getSigningKey(credentials, "20240501", "us-east-1", "execute-api"))).toBe(
      derive("secret-two", "20240501", "us-east-1", "execute-api"),
    );
  });

  it("keys entries by date, region and service, and keeps at most 50", () => {
    const credentials = Object.freeze({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s" });
    for (let day = 1; day <= 60; day++) {
      const date = `202405${String(day % 31).padStart(2, "0")}`;
      for (const [region, service] of [
        ["us-east-1", "execute-api"],
        ["eu-west-1", "lambda"],
      ] as const) {
        expect(hex(getSigningKey(credentials, date, region, service))).toBe(
          derive("s", date, region, service),
        );
      }
    }
  });
});
