import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApiTarget, expandResourceArn } from "./expand-resource-arn.js";
import { shortenResourceArn } from "./shorten-resource-arn.js";

const base = "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9";

describe("shortenResourceArn", () => {
  it.each([
    [`${base}/*`, "execute-api:/*"],
    [`${base}/prod/GET/pets/*`, "execute-api:/prod/GET/pets/*"],
    [`${base}/prod/GET/`, "execute-api:/prod/GET/"],
    [`${base}/default/$connect`, "execute-api:/default/$connect"],
    ["arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc/prod/*/*", "execute-api:/prod/*/*"],
  ])("shortens %s", (full, short) => {
    expect(shortenResourceArn(full)).toBe(short);
  });

  it.each(["*", "execute-api:/*", "arn:aws:execute-api:*:*:*", "arn:aws:s3:::bucket/*"])(
    "returns %s unchanged",
    (resource) => {
      expect(shortenResourceArn(resource)).toBe(resource);
    },
  );

  it("rejects a malformed execute-api ARN with the path resource", () => {
    expect(() => shortenResourceArn("arn:aws:execute-api:eu-west-1:1234:puhdx84jy9/*")).toThrowCode(
      "invalid_arn",
      { path: "resource" },
    );
  });

  it("is undone by expandResourceArn for the same API", () => {
    const target: ApiTarget = {
      partition: "aws",
      region: "eu-west-1",
      accountId: "123456789012",
      apiId: "puhdx84jy9",
    };
    const tails = fc.constantFrom("*", "prod/*/*", "prod/GET/", "prod/POST/a/b", "dev/$connect");
    fc.assert(
      fc.property(tails, (tail) => {
        const full = `${base}/${tail}`;
        expect(expandResourceArn(shortenResourceArn(full), target)).toBe(full);
      }),
    );
  });

  it("throws TypeError for a non-string resource", () => {
    expect(() => shortenResourceArn(undefined as unknown as string)).toThrow(TypeError);
  });
});
