import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import type { ExecuteApiArn } from "./execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

const full = (
  partition: ExecuteApiArn["partition"],
  region: string,
  accountId: string,
  apiId: string,
) => ({ form: "full" as const, partition, region, accountId, apiId });

const short = {
  form: "short" as const,
  partition: undefined,
  region: undefined,
  accountId: undefined,
  apiId: undefined,
};

describe("parseExecuteApiArn", () => {
  const euAccount = full("aws", "eu-west-1", "123456789012", "puhdx84jy9");

  it.each<[string, string, ExecuteApiArn]>([
    [
      "REST TOKEN methodArn",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/lambda-token",
      { ...euAccount, stage: "prod", method: "POST", path: "/lambda-token" },
    ],
    [
      "REST REQUEST methodArn",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request",
      {
        ...full("aws", "us-east-1", "123456789012", "abcdef123"),
        stage: "test",
        method: "GET",
        path: "/request",
      },
    ],
    [
      "HTTP API routeArn with the $default stage",
      "arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda",
      {
        ...full("aws", "eu-west-1", "123456789012", "lsw1ro4ipb"),
        stage: "$default",
        method: "POST",
        path: "/lambda",
      },
    ],
    [
      "WebSocket $connect methodArn",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect",
      {
        ...full("aws", "us-east-1", "123456789012", "abcdef123"),
        stage: "default",
        routeKey: "$connect",
      },
    ],
    [
      "root resource",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/dev/GET/",
      { ...euAccount, stage: "dev", method: "GET", path: "/" },
    ],
    [
      "greedy path kept whole",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/GET/a/b/c.json",
      { ...euAccount, stage: "prod", method: "GET", path: "/a/b/c.json" },
    ],
    [
      "@connections management ARN",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/POST/@connections/L0SM9cOFvHcCIhw=",
      { ...euAccount, stage: "prod", method: "POST", path: "/@connections/L0SM9cOFvHcCIhw=" },
    ],
    [
      "HTTP API $default route ARN",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/$default",
      { ...euAccount, stage: "prod", routeKey: "$default" },
    ],
    [
      "custom WebSocket route key",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/sendMessage",
      { ...euAccount, stage: "prod", routeKey: "sendMessage" },
    ],
    [
      "route key holding a slash",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/chat/join",
      { ...euAccount, stage: "prod", routeKey: "chat/join" },
    ],
    [
      "aws-cn partition",
      "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/x",
      {
        ...full("aws-cn", "cn-north-1", "123456789012", "abc123"),
        stage: "prod",
        method: "GET",
        path: "/x",
      },
    ],
    [
      "aws-us-gov partition",
      "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod/GET/x",
      {
        ...full("aws-us-gov", "us-gov-west-1", "123456789012", "abc123"),
        stage: "prod",
        method: "GET",
        path: "/x",
      },
    ],
    [
      "whole-stage pattern",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*/*",
      { ...euAccount, stage: "prod", method: "*", path: "/*" },
    ],
    [
      "pattern ending after the method",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/*",
      { ...euAccount, stage: "prod", method: "*" },
    ],
    [
      "pattern ending at the stage",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod",
      { ...euAccount, stage: "prod" },
    ],
    [
      "pattern ending at the API id",
      "arn:aws:execute-api:*:*:*",
      { ...full("aws", "*", "*", "*"), stage: "" },
    ],
    [
      "wildcards in every field but the partition",
      "arn:aws:execute-api:eu-*:1234*:ab?d*/pr*/G?T/users/*/profile",
      {
        ...full("aws", "eu-*", "1234*", "ab?d*"),
        stage: "pr*",
        method: "G?T",
        path: "/users/*/profile",
      },
    ],
    [
      "wildcard route key",
      "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9/prod/$conn*",
      { ...euAccount, stage: "prod", routeKey: "$conn*" },
    ],
    ["short form for everything", "execute-api:/*", { ...short, stage: "*" }],
    [
      "short form with method and path",
      "execute-api:/prod/GET/pets/*",
      { ...short, stage: "prod", method: "GET", path: "/pets/*" },
    ],
    [
      "short form with a route key",
      "execute-api:/prod/$connect",
      { ...short, stage: "prod", routeKey: "$connect" },
    ],
  ])("parses a %s", (_name, arn, expected) => {
    expect(parseExecuteApiArn(arn)).toStrictEqual(expected);
  });

  it.each(["get", "Post", "options"])("keeps the lower/mixed-case verb %s as written", (verb) => {
    const arn = parseExecuteApiArn(`execute-api:/prod/${verb}/pets`);
    expect([arn.method, arn.path, arn.routeKey]).toEqual([verb, "/pets", undefined]);
  });

  it("reads ANY as a method so that the linter can report it", () => {
    expect(parseExecuteApiArn("execute-api:/prod/ANY/pets").method).toBe("ANY");
  });

  it("reads a wildcard segment that cannot match a verb as a route key", () => {
    expect(parseExecuteApiArn("execute-api:/prod/send*").routeKey).toBe("send*");
  });

  it.each([
    ["aws-iso", "us-iso-east-1"],
    ["aws-iso-b", "us-isob-east-1"],
    ["aws-iso-e", "eu-isoe-west-1"],
    ["aws-iso-f", "us-isof-south-1"],
    ["aws-eusc", "eusc-de-east-1"],
  ])("reads an ARN of partition %s (region %s)", (partition, region) => {
    const arn = `arn:${partition}:execute-api:${region}:123456789012:abc/prod/GET/`;
    expect(parseExecuteApiArn(arn)).toMatchObject({ partition, region, method: "GET", path: "/" });
  });

  it("keeps colons inside the resource part", () => {
    expect(parseExecuteApiArn("execute-api:/prod/GET/a:b").path).toBe("/a:b");
    expect(
      parseExecuteApiArn("arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/a:b").path,
    ).toBe("/a:b");
  });

  it.each([
    ["empty string", ""],
    ["another service", "arn:aws:s3:::bucket/key"],
    ["an unknown partition", "arn:aws-foo:execute-api:us-east-1:123456789012:abc/prod/GET/"],
    ["an ISO region in aws", "arn:aws:execute-api:us-iso-east-1:123456789012:abc/prod/GET/"],
    ["a region of no partition", "arn:aws:execute-api:us-isoz-east-1:123456789012:abc/prod/GET/"],
    ["a $ stage other than $default", "execute-api:/$prod/GET/"],
    ["a wildcard partition", "arn:*:execute-api:us-east-1:123456789012:abc/prod/GET/"],
    ["a malformed region", "arn:aws:execute-api:useast1:123456789012:abc/prod/GET/"],
    ["an empty region", "arn:aws:execute-api::123456789012:abc/prod/GET/"],
    ["a China region in aws", "arn:aws:execute-api:cn-north-1:123456789012:abc/prod/GET/"],
    [
      "a commercial region in aws-cn",
      "arn:aws-cn:execute-api:us-east-1:123456789012:abc/prod/GET/",
    ],
    ["an 11-digit account", "arn:aws:execute-api:us-east-1:12345678901:abc/prod/GET/"],
    ["a non-numeric account", "arn:aws:execute-api:us-east-1:12345678901a:abc/prod/GET/"],
    ["an account pattern too long", "arn:aws:execute-api:us-east-1:1234567890123*:abc/prod/GET/"],
    ["an empty API id", "arn:aws:execute-api:us-east-1:123456789012:/prod/GET/"],
    ["an API id with a dash", "arn:aws:execute-api:us-east-1:123456789012:ab-c/prod/GET/"],
    ["an empty stage", "arn:aws:execute-api:us-east-1:123456789012:abc//GET/"],
    ["a stage with a dot", "execute-api:/pro.d/GET/"],
    ["nothing after the stage slash", "execute-api:/prod/"],
    ["an empty segment after the stage", "execute-api:/prod//GET"],
    ["a control character in the path", "execute-api:/prod/GET/a\nb"],
    ["a short form without the slash", "execute-api:prod/GET/"],
    ["an upper-case service", "arn:aws:EXECUTE-API:us-east-1:123456789012:abc/prod/GET/"],
    ["too few colons", "arn:aws:execute-api:us-east-1"],
  ])("rejects %s with invalid_arn and the caller's path", (_name, arn) => {
    expect(() => parseExecuteApiArn(arn, "Statement[0].Resource")).toThrowCode("invalid_arn", {
      path: "Statement[0].Resource",
    });
  });

  it('reports the path "arn" when the caller gives none', () => {
    expect(() => parseExecuteApiArn("nope")).toThrowCode("invalid_arn", { path: "arn" });
  });

  it("accepts an ARN of exactly 1600 bytes", () => {
    const head = "execute-api:/prod/GET/";
    expect(parseExecuteApiArn(head + "a".repeat(1600 - head.length)).path).toHaveLength(
      1600 - head.length + 1,
    );
  });

  it("rejects an ARN above 1600 bytes, counting UTF-8 bytes", () => {
    const head = "execute-api:/prod/GET/";
    // 2 bytes per "é": under 1600 characters, over 1600 bytes.
    expect(() => parseExecuteApiArn(head + "é".repeat(800))).toThrowCode("invalid_arn");
  });

  it("throws TypeError for a non-string ARN", () => {
    expect(() => parseExecuteApiArn(42 as unknown as string)).toThrow(TypeError);
  });

  const prefixes = fc.constantFrom(
    "",
    "arn:",
    "arn:aws:execute-api:",
    "arn:aws:execute-api:us-east-1:123456789012:",
    "arn:aws:execute-api:us-east-1:123456789012:abc/prod/",
    "execute-api:/",
    "execute-api:/prod/",
  );
  const onlyPolicyErrors = (prefix: string, rest: string) => {
    try {
      parseExecuteApiArn(prefix + rest);
    } catch (error) {
      if (!isPolicyError(error) || error.code !== "invalid_arn") throw error;
    }
  };

  it("throws only PolicyError on strings built from ARN-significant characters", () => {
    const unit = fc.constantFrom(..."/:*?$@{}+ aAgGeEtT0129-_.é\n\u0000\ud800\u{1F600}".split(""));
    fc.assert(fc.property(prefixes, fc.string({ unit, maxLength: 60 }), onlyPolicyErrors), {
      numRuns: 3000,
    });
  });

  it("throws only PolicyError on arbitrary strings", () => {
    fc.assert(
      fc.property(prefixes, fc.string({ unit: "binary", maxLength: 16 }), onlyPolicyErrors),
      { numRuns: 200 },
    );
  });
});
