import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { expandResourceArn } from "../arn/expand-resource-arn.js";
import type { ApiAuthTypes, MethodAuthTypeName } from "../auth-types/api-auth-types.js";
import { cidrContains } from "../cidr/cidr-contains.js";
import type { PolicyDocument } from "../document/policy-document.js";
import type {
  ApiGatewayAccessOptions,
  ApiGatewayAccessResult,
  MethodAuthType,
} from "../gateway/api-gateway-access.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import { lintResourcePolicy } from "../lint/lint-resource-policy.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import { accountAllowlist } from "./account-allowlist.js";
import { composeResourcePolicy } from "./compose-resource-policy.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { privateIpDenylist } from "./private-ip-denylist.js";
import type { ResourcePolicyRule } from "./resource-policy-rule.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

// Random presets composed for random APIs, then asked of the gateway model (Table A/B, the
// two-phase rule): a composed policy only ever takes access away from what the authorizers and IAM
// policies decide, and keeps every NONE method that no rule restricts reachable.

const TARGET: ApiTarget = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
const API = `arn:aws:execute-api:${TARGET.region}:${TARGET.accountId}:${TARGET.apiId}`;
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const ROUTES = [
  "GET /pets",
  "GET /pets/{id}",
  "DELETE /pets/{id}",
  "POST /pets",
  "OPTIONS /pets",
  "OPTIONS /pets/{id}",
  "GET /pets/{id}/toys",
  "ANY /admin/{proxy+}",
  "GET /",
  "GET /reports",
  "PUT /reports/{id}",
  "OPTIONS /{proxy+}",
];
const TYPES: readonly MethodAuthTypeName[] = [
  "NONE",
  "LAMBDA",
  "CUSTOM",
  "COGNITO_USER_POOLS",
  "JWT",
  "AWS_IAM",
];
const RESOURCES = [
  "execute-api:/*",
  "execute-api:/dev/*",
  "execute-api:/prod/*",
  "execute-api:/*/GET/*",
  "execute-api:/*/OPTIONS/*",
  "execute-api:/*/DELETE/pets/*",
  "execute-api:/*/GET/reports",
  "execute-api:/*/PUT/reports/*",
];
const ACCOUNT_RESOURCES = [
  "execute-api:/*/GET/reports",
  "execute-api:/*/PUT/reports/*",
  "execute-api:/*",
];
const PRINCIPALS = [
  TARGET.accountId,
  "111122223333",
  `arn:aws:iam::${TARGET.accountId}:role/app`,
  "arn:aws:iam::444455556666:root",
];
const CALLERS = [
  { arn: `arn:aws:iam::${TARGET.accountId}:role/app`, accountId: TARGET.accountId },
  { arn: `arn:aws:iam::${TARGET.accountId}:role/other`, accountId: TARGET.accountId },
  { arn: "arn:aws:iam::111122223333:role/partner", accountId: "111122223333" },
  { arn: "arn:aws:iam::444455556666:role/ci", accountId: "444455556666" },
];
const VPCS = ["vpc-1a2b3c4d", "vpc-99998888"];
const VPCES = ["vpce-0123456789abcdef0", "vpce-11112222"];

const ipv4 = fc
  .tuple(fc.constantFrom(10, 192, 198, 203), fc.nat(255), fc.nat(255), fc.nat(255))
  .map((parts) => parts.join("."));
const ipv6 = fc
  .tuple(fc.constantFrom("2001:db8", "fd00:ec2"), fc.nat(0xffff), fc.nat(0xffff))
  .map(([prefix, a, b]) => `${prefix}:${a.toString(16)}:${b.toString(16)}::1`);
const ip = fc.oneof(ipv4, ipv6);
const cidr = fc.oneof(
  fc
    .tuple(ipv4, fc.integer({ min: 8, max: 32 }))
    .map(([address, prefix]) => `${address}/${prefix}`),
  fc
    .tuple(ipv6, fc.integer({ min: 16, max: 128 }))
    .map(([address, prefix]) => `${address}/${prefix}`),
);
const cidrs = fc.array(cidr, { minLength: 1, maxLength: 3 });
const resources = fc.option(fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }), {
  nil: undefined,
});
const scoped = (list: readonly string[] | undefined) =>
  list === undefined ? {} : { resources: list };

const rule: fc.Arbitrary<ResourcePolicyRule> = fc.oneof(
  fc.tuple(cidrs, resources).map(([list, where]) => ipDenylist({ cidrs: list, ...scoped(where) })),
  fc.tuple(cidrs, resources).map(([list, where]) => ipAllowlist({ cidrs: list, ...scoped(where) })),
  fc
    .tuple(cidrs, resources)
    .map(([list, where]) => privateIpDenylist({ cidrs: list, ...scoped(where) })),
  fc
    .tuple(fc.subarray(VPCS, { minLength: 1 }), resources)
    .map(([list, where]) => sourceVpcAllowlist({ vpcIds: list, ...scoped(where) })),
  fc
    .tuple(fc.subarray(VPCES, { minLength: 1 }), resources)
    .map(([list, where]) => vpcEndpointAllowlist({ vpceIds: list, ...scoped(where) })),
  fc
    .tuple(
      fc.subarray(PRINCIPALS, { minLength: 1, maxLength: 2 }),
      fc.subarray(ACCOUNT_RESOURCES, { minLength: 1, maxLength: 2 }),
    )
    .map(([principals, where]) => accountAllowlist({ principals, resources: where })),
);

/** The API: its routes and each one's type; how `authTypes` describes it to the composer. */
const api = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...ROUTES), { minLength: 1, maxLength: 6 }),
    fc.array(fc.constantFrom(...TYPES), { minLength: 6, maxLength: 6 }),
    fc.constantFrom("map", "map-with-fallback", "list"),
  )
  .map(([keys, types, form]) => {
    const table = Object.fromEntries(
      keys.map((key, index) => [key, types[index] as MethodAuthTypeName]),
    );
    const distinct = [...new Set(Object.values(table))];
    let authTypes: ApiAuthTypes = table;
    // A list describes the API only when it says the same for every method.
    if (form === "list" && distinct.length === 1) authTypes = distinct;
    // `"*"` adds nothing when every route is listed: it must not change what listed routes get.
    if (form === "map-with-fallback") authTypes = { ...table, "*": "LAMBDA" };
    return { table, authTypes };
  });

const request = fc.record({
  route: fc.nat(),
  verb: fc.nat(),
  stage: fc.constantFrom("dev", "prod"),
  params: fc.array(fc.constantFrom("42", "a", "OPTIONS", "GET", "x/y"), {
    minLength: 2,
    maxLength: 2,
  }),
  endpoint: fc.constantFrom("REGIONAL" as const, "PRIVATE" as const),
  sourceIp: ip,
  vpcSourceIp: ip,
  sourceVpc: fc.constantFrom(...VPCS),
  sourceVpce: fc.constantFrom(...VPCES),
  lambda: fc.constantFrom("silent" as const, "allow" as const, "deny" as const),
  cognitoValid: fc.boolean(),
  cognitoMode: fc.constantFrom("must-allow" as const, "silent-allows" as const),
  jwt: fc.constantFrom("valid" as const, "invalid" as const, "insufficient_scope" as const),
  jwtMode: fc.constantFrom("must-allow" as const, "silent-allows" as const),
  caller: fc.constantFrom(...CALLERS),
  callerPolicy: fc.boolean(),
});
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

const normalize = (type: MethodAuthTypeName): MethodAuthType =>
  type === "CUSTOM" ? "LAMBDA" : type;

function methodArnOf(key: string, input: Request): { arn: string; verb: string } {
  const [method, path] = key.split(" ") as [string, string];
  const verb = method === "ANY" ? (VERBS[input.verb % VERBS.length] as string) : method;
  let param = 0;
  const concrete = path
    .split("/")
    .slice(1)
    .map((segment) => {
      if (!segment.startsWith("{")) return segment;
      const value = input.params[param++ % input.params.length] as string;
      // `{id}` is one segment; only `{proxy+}` takes a value with a slash.
      return segment.endsWith("+}") ? value : value.replace("/", "");
    })
    .join("/");
  return { arn: `${API}/${input.stage}/${verb}/${concrete}`, verb };
}

/**
 * What the rules alone forbid for this request: an oracle built from the rules, not the policy.
 * Allowlists of one kind on the same resources are one list (their union), as documented.
 */
function restricted(rules: readonly ResourcePolicyRule[], arn: string, keys: Keys): boolean {
  const merged = new Map<string, ResourcePolicyRule>();
  for (const r of rules) {
    const id = `${r.kind} ${JSON.stringify(r.resources)}`;
    const existing = merged.get(id);
    merged.set(
      id,
      existing === undefined ? r : { ...r, values: [...existing.values, ...r.values] },
    );
  }
  return [...merged.values()].some((r) => {
    const applies = r.resources.some((resource) =>
      matchesWildcard(expandResourceArn(resource, TARGET), arn),
    );
    if (!applies) return false;
    const inAny = (address: string | undefined) =>
      address !== undefined && r.values.some((block) => cidrContains(block, address));
    switch (r.kind) {
      case "ipDenylist":
        return inAny(keys.sourceIp);
      case "ipAllowlist":
        return !inAny(keys.sourceIp);
      case "privateIpDenylist":
        return inAny(keys.vpcSourceIp);
      case "sourceVpcAllowlist":
        return keys.sourceVpc === undefined || !r.values.includes(keys.sourceVpc);
      case "vpcEndpointAllowlist":
        return keys.sourceVpce === undefined || !r.values.includes(keys.sourceVpce);
      default:
        // accountAllowlist grants; it restricts no one.
        return false;
    }
  });
}

/** Whether an account allowlist grants this IAM caller this method. */
function named(
  rules: readonly ResourcePolicyRule[],
  arn: string,
  caller: { arn: string; accountId: string },
) {
  return rules.some(
    (r) =>
      r.kind === "accountAllowlist" &&
      r.resources.some((resource) => matchesWildcard(expandResourceArn(resource, TARGET), arn)) &&
      r.values.some(
        (principal) =>
          principal === caller.accountId ||
          principal === caller.arn ||
          principal === `arn:aws:iam::${caller.accountId}:root`,
      ),
  );
}

interface Keys {
  sourceIp?: string;
  vpcSourceIp?: string;
  sourceVpc?: string;
  sourceVpce?: string;
}

const invokeAll: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
};

describe("composeResourcePolicy with authTypes, in the gateway model", () => {
  it("never turns an authorizer's or IAM's implicit deny into an Allow, and keeps unrestricted NONE methods open", async () => {
    let composed = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        api,
        fc.array(rule, { minLength: 1, maxLength: 4 }),
        fc.array(request, { minLength: 1, maxLength: 6 }),
        async ({ table, authTypes }, rules, requests) => {
          let policy: PolicyDocument;
          try {
            policy = composeResourcePolicy(rules, { authTypes });
          } catch (error) {
            // Impossible combinations are refused up front, and only with a TypeError.
            expect(error).toBeInstanceOf(TypeError);
            return;
          }
          composed++;
          // The composer's output is what the linter accepts for the same API.
          const findings = lintResourcePolicy(policy, {
            endpointType: "REGIONAL",
            ipAddressType: "dualstack",
            authTypes,
          });
          const authFindings = ["allow_overrides_authorizer", "aws_principal_with_non_iam_auth"];
          expect(findings.filter((f) => authFindings.includes(f.code))).toEqual([]);

          const keys = Object.keys(table);
          for (const input of requests) {
            const key = keys[input.route % keys.length] as string;
            const type = normalize(table[key] as MethodAuthTypeName);
            const { arn } = methodArnOf(key, input);
            const network: Keys =
              input.endpoint === "PRIVATE"
                ? {
                    vpcSourceIp: input.vpcSourceIp,
                    sourceVpc: input.sourceVpc,
                    sourceVpce: input.sourceVpce,
                  }
                : { sourceIp: input.sourceIp };
            const base = {
              methodArn: arn,
              endpointType: input.endpoint,
              resourcePolicy: policy,
              ...network,
            };
            const denied = restricted(rules, arn, network);
            const ask = (options: ApiGatewayAccessOptions): Promise<ApiGatewayAccessResult> =>
              evaluateApiGatewayAccess(options);
            let result: ApiGatewayAccessResult;
            let expected200: boolean;
            switch (type) {
              case "NONE":
                result = await ask({ ...base, authType: "NONE" });
                expected200 = !denied;
                break;
              case "LAMBDA": {
                const allowed = input.lambda === "silent" ? `${API}/*/GET/elsewhere` : arn;
                result = await ask({
                  ...base,
                  authType: "LAMBDA",
                  authorizer: {
                    principalId: "user",
                    policyDocument: {
                      Version: "2012-10-17",
                      Statement: [
                        {
                          Action: "execute-api:Invoke",
                          Effect: input.lambda === "deny" ? "Deny" : "Allow",
                          Resource: allowed,
                        },
                      ],
                    },
                  },
                });
                expected200 = input.lambda === "allow" && !denied;
                break;
              }
              case "COGNITO_USER_POOLS":
                result = await ask({
                  ...base,
                  authType: "COGNITO_USER_POOLS",
                  cognitoTokenValid: input.cognitoValid,
                  cognitoResourcePolicy: input.cognitoMode,
                });
                if (!input.cognitoValid) expect(result.status).toBe(401);
                expected200 = input.cognitoValid && !denied;
                break;
              case "JWT":
                result = await ask({
                  ...base,
                  authType: "JWT",
                  jwtToken: input.jwt,
                  jwtResourcePolicy: input.jwtMode,
                });
                if (input.jwt === "invalid") expect(result.status).toBe(401);
                if (input.jwt === "insufficient_scope") expect(result.status).toBe(403);
                expected200 = input.jwt === "valid" && !denied;
                break;
              case "AWS_IAM": {
                result = await ask({
                  ...base,
                  authType: "AWS_IAM",
                  caller: {
                    ...input.caller,
                    signatureValid: true,
                    callerPolicy: input.callerPolicy ? invokeAll : null,
                  },
                });
                const sameAccount = input.caller.accountId === TARGET.accountId;
                const grant = named(rules, arn, input.caller);
                expected200 =
                  !denied &&
                  (sameAccount ? input.callerPolicy || grant : input.callerPolicy && grant);
                break;
              }
              default:
                throw new Error(`composeResourcePolicy takes no ${type} methods`);
            }
            seen.add(`${type}:${result.status}`);
            // The request is in the message of a failure.
            const answer = { key, arn, type, status: result.status, reason: result.reason };
            if (expected200) expect(answer).toMatchObject({ status: 200, reason: "allowed" });
            else expect(answer.status, JSON.stringify(answer)).not.toBe(200);
            // A restriction is an explicit Deny, whatever the method (a bad Cognito or JWT token is
            // refused before any policy is read).
            const authenticated =
              (type !== "COGNITO_USER_POOLS" || input.cognitoValid) &&
              (type !== "JWT" || input.jwt === "valid");
            if (denied && authenticated)
              expect(result.reason).toBe("resource_policy_explicit_deny");
          }
        },
      ),
      { numRuns: 400 },
    );
    // The runs composed policies, and saw each kind of method both allowed and refused.
    expect(composed).toBeGreaterThan(100);
    for (const type of ["NONE", "LAMBDA", "COGNITO_USER_POOLS", "JWT", "AWS_IAM"]) {
      expect(seen, type).toContain(`${type}:200`);
      expect(seen, type).toContain(`${type}:403`);
    }
  }, 120_000);
});
