import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { policyHash } from "./policy-hash.js";

const policy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: ["execute-api:/*"] },
  ],
};

describe("policyHash", () => {
  it("is the SHA-256 of the key-sorted compact JSON", () => {
    const canonical =
      '{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Principal":"*","Resource":["execute-api:/*"]}],"Version":"2012-10-17"}';
    expect(policyHash(policy)).toBe(createHash("sha256").update(canonical).digest("hex"));
  });

  it("ignores key order at every depth", () => {
    const reordered = {
      Statement: [
        {
          Resource: ["execute-api:/*"],
          Action: "execute-api:Invoke",
          Principal: "*",
          Effect: "Allow",
        },
      ],
      Version: "2012-10-17",
    } as PolicyDocument;
    expect(policyHash(reordered)).toBe(policyHash(policy));
  });

  it("keeps array order significant", () => {
    const a = { Statement: { Effect: "Deny", Resource: ["a", "b"] } } as PolicyDocument;
    const b = { Statement: { Effect: "Deny", Resource: ["b", "a"] } } as PolicyDocument;
    expect(policyHash(a)).not.toBe(policyHash(b));
  });

  it("skips undefined properties as JSON.stringify does", () => {
    expect(policyHash({ ...policy, Id: undefined } as unknown as PolicyDocument)).toBe(
      policyHash(policy),
    );
  });

  it("changes when any condition value changes", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        const make = (value: string): PolicyDocument => ({
          Statement: { Effect: "Deny", Condition: { StringEquals: { "aws:SourceVpc": value } } },
        });
        expect(policyHash(make(a))).not.toBe(policyHash(make(b)));
      }),
    );
  });

  it("returns 64 lower-case hex characters", () => {
    expect(policyHash(policy)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["null", null],
    ["a string", "{}"],
    ["an array", []],
    ["a bigint inside", { Statement: { Effect: "Allow", Sid: 1n } }],
    [
      "NaN inside",
      { Statement: { Effect: "Allow", Condition: { NumericEquals: { k: Number.NaN } } } },
    ],
  ])("throws TypeError for %s", (_name, value) => {
    expect(() => policyHash(value as unknown as PolicyDocument)).toThrow(TypeError);
  });
});
