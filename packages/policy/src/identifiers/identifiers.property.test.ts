import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isConcreteExecuteApiArn,
  parseConcreteExecuteApiArn,
} from "../arn/concrete-execute-api-arn.js";
import { formatExecuteApiArn } from "../arn/format-execute-api-arn.js";
import { parseExecuteApiArn } from "../arn/parse-execute-api-arn.js";
import { isPolicyError } from "../errors.js";
import { isAccountId, parseAccountId } from "./account-id.js";
import { isApiId, parseApiId } from "./api-id.js";
import { HTTP_METHODS, isHttpMethod, parseHttpMethod, parseRouteMethod } from "./http-method.js";
import { isPartition, PARTITIONS, parsePartition } from "./partition.js";
import { partitionOfRegion } from "./partition-of-region.js";
import { parseCallerPrincipalArn, parsePrincipalArn } from "./principal-arn.js";
import { isRegion, parseRegion } from "./region.js";
import { roleArnOfSession } from "./role-arn-of-session.js";
import { isServicePrincipal, parseServicePrincipal } from "./service-principal.js";
import { isStageName, parseStageName } from "./stage-name.js";

const RUNS = 500;

// Candidates from a loose grammar (valid and invalid), kept when the validator accepts them:
// "what the validators accept" is the definition, the grammar only makes hits likely.
const word = fc.stringMatching(/^[a-z]{1,8}$/);
const regionCandidate = fc
  .tuple(
    fc.constantFrom("us", "eu", "ap", "cn", "sa", "il", "mx", "eusc", "xy"),
    fc.oneof(fc.constantFrom("gov", "iso", "isob", "isoe", "isof", "de", "east"), word),
    fc.option(word, { nil: undefined }),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([geo, second, third, n]) => [geo, second, third, String(n)].filter(Boolean).join("-"));
const region = regionCandidate.filter(isRegion);
const accountId = fc.stringMatching(/^\d{12}$/);
const apiId = fc.stringMatching(/^[a-z0-9]{1,32}$/);
const stage = fc.oneof(fc.constant("$default"), fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/));
const iamName = fc.stringMatching(/^[\w+=,.@-]{1,64}$/);
const iamPath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9_.-]{1,10}$/), { maxLength: 3 })
  .map((segments) => segments.map((segment) => `${segment}/`).join(""));
const principalArn = fc
  .tuple(fc.constantFrom(...PARTITIONS), accountId, iamName, iamName, iamPath)
  .chain(([partition, account, name, session, path]) =>
    fc.constantFrom(
      `arn:${partition}:iam::${account}:root`,
      `arn:${partition}:iam::${account}:user/${path}${name}`,
      `arn:${partition}:iam::${account}:role/${path}${name}`,
      `arn:${partition}:sts::${account}:assumed-role/${name}/${session}`,
    ),
  );

/** The parse function's own error, or nothing: anything else is a bug. */
function onlyPolicyErrors(parse: () => unknown, code: string): void {
  try {
    parse();
  } catch (error) {
    expect(isPolicyError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  }
}

describe("identifier validators", () => {
  it("agree with their parse functions, and throw only their own PolicyError, on any input", () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 40 }),
      regionCandidate,
      principalArn,
      fc.anything(),
    );
    const pairs: Array<[(value: unknown) => boolean, (value: unknown) => unknown, string]> = [
      [isPartition, (value) => parsePartition(value), "invalid_partition"],
      [isRegion, (value) => parseRegion(value), "invalid_region"],
      [isAccountId, (value) => parseAccountId(value), "invalid_account_id"],
      [isApiId, (value) => parseApiId(value), "invalid_api_id"],
      [isStageName, (value) => parseStageName(value), "invalid_stage"],
      [isHttpMethod, (value) => parseHttpMethod(value), "invalid_http_method"],
      [isServicePrincipal, (value) => parseServicePrincipal(value), "invalid_principal"],
    ];
    fc.assert(
      fc.property(anything, (value) => {
        for (const [is, parse, code] of pairs) {
          if (is(value)) expect(parse(value)).toBe(value);
          else onlyPolicyErrors(() => parse(value), code);
        }
        onlyPolicyErrors(() => parsePrincipalArn(value), "invalid_principal");
        onlyPolicyErrors(() => parseRouteMethod(value), "invalid_http_method");
      }),
      { numRuns: RUNS },
    );
  });

  it("build request ARNs that parse back as concrete, field for field", () => {
    const request = fc.record({
      region,
      accountId,
      apiId,
      stage,
      method: fc.constantFrom(...HTTP_METHODS),
      path: fc.stringMatching(/^\/[A-Za-z0-9/_.*?-]{0,40}$/),
    });
    fc.assert(
      fc.property(request, (fields) => {
        const partition = partitionOfRegion(fields.region);
        const parts = { form: "full" as const, partition, ...fields };
        const arn = formatExecuteApiArn(parts);
        const parsed = parseConcreteExecuteApiArn(arn);
        expect(parsed).toEqual(parseExecuteApiArn(arn));
        expect(parsed).toEqual(parts);
        expect(isConcreteExecuteApiArn(parsed)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("read every generated principal ARN, and a session's role parses as that role", () => {
    fc.assert(
      fc.property(principalArn, (arn) => {
        const principal = parseCallerPrincipalArn(arn);
        expect(principal.arn).toBe(arn);
        expect(arn.startsWith(`arn:${principal.partition}:`)).toBe(true);
        if (principal.kind === "assumed-role") {
          const role = parsePrincipalArn(roleArnOfSession(arn));
          expect(role).toMatchObject({
            kind: "role",
            partition: principal.partition,
            accountId: principal.accountId,
            name: principal.roleName,
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});
