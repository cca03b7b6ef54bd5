import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";
import { type CompiledPolicy, compilePolicy } from "../evaluate/compile-policy.js";
import type { ApiGatewayAccessOptions, EndpointType } from "./api-gateway-access.js";
import { evaluateApiGatewayAccess } from "./evaluate-api-gateway-access.js";

const API_ACCOUNT = "123456789012";
const OTHER_ACCOUNT = "111122223333";
const STAGE_ARN = `arn:aws:execute-api:us-east-1:${API_ACCOUNT}:abc123`;

const methodArn = fc.constantFrom(
  `${STAGE_ARN}/prod/GET/pets`,
  `${STAGE_ARN}/prod/GET/pets/42`,
  `${STAGE_ARN}/prod/POST/orders`,
  `${STAGE_ARN}/dev/GET/`,
  `${STAGE_ARN}/prod/$connect`,
);

const resource = fc.constantFrom(
  "*",
  "execute-api:/*",
  "execute-api:/prod/*",
  "execute-api:/*/GET/*",
  "execute-api:/prod/POST/orders",
  `${STAGE_ARN}/*`,
  `${STAGE_ARN}/prod/GET/pets`,
  `arn:aws:execute-api:*:*:other/*`,
);

const condition = fc.option(
  fc.constantFrom<NonNullable<PolicyStatement["Condition"]>>(
    { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
    { NotIpAddress: { "aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"] } },
    { IpAddress: { "aws:VpcSourceIp": "10.1.0.0/16" } },
    { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } },
    { StringEquals: { "aws:SourceVpc": "vpc-11112222" } },
    { StringNotEquals: { "aws:PrincipalAccount": API_ACCOUNT } },
    { Bool: { "aws:SecureTransport": "true" } },
  ),
  { nil: undefined },
);

function statement(withPrincipal: boolean): fc.Arbitrary<PolicyStatement> {
  return fc
    .record({
      Effect: fc.constantFrom<"Allow" | "Deny">("Allow", "Deny"),
      Principal: fc.constantFrom<NonNullable<PolicyStatement["Principal"]>>(
        "*",
        { AWS: `arn:aws:iam::${API_ACCOUNT}:root` },
        { AWS: OTHER_ACCOUNT },
      ),
      Action: fc.constantFrom("execute-api:Invoke", "execute-api:*", "*", "s3:GetObject"),
      Resource: fc.array(resource, { minLength: 1, maxLength: 3 }),
      Condition: condition,
    })
    .map(({ Principal, Condition, ...rest }) => ({
      ...rest,
      ...(withPrincipal ? { Principal } : {}),
      ...(Condition === undefined ? {} : { Condition }),
    }));
}

const resourcePolicy: fc.Arbitrary<PolicyDocument> = fc
  .array(statement(true), { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: "2012-10-17", Statement }));

const identityPolicy: fc.Arbitrary<PolicyDocument> = fc
  .array(statement(false), { minLength: 1, maxLength: 3 })
  .map((Statement) => ({ Version: "2012-10-17", Statement }));

const authorizerAnswer = fc.oneof(
  fc.constantFrom("unauthorized" as const, "error" as const),
  identityPolicy.map((policyDocument) => ({ principalId: "user", policyDocument })),
);

type Auth =
  | { authType: "NONE" }
  | {
      authType: "AWS_IAM";
      caller: {
        arn: string;
        accountId: string;
        signatureValid: boolean;
        callerPolicy: PolicyDocument | null;
      } | null;
    }
  | { authType: "LAMBDA"; answer: unknown }
  | {
      authType: "COGNITO_USER_POOLS";
      cognitoTokenValid: boolean;
      cognitoResourcePolicy: "must-allow" | "silent-allows";
    };

const auth: fc.Arbitrary<Auth> = fc.oneof(
  fc.constant({ authType: "NONE" as const }),
  fc.record({
    authType: fc.constant("AWS_IAM" as const),
    caller: fc.option(
      fc
        .record({
          accountId: fc.constantFrom(API_ACCOUNT, OTHER_ACCOUNT),
          signatureValid: fc.boolean(),
          callerPolicy: fc.option(identityPolicy, { nil: null }),
        })
        .map((caller) => ({ ...caller, arn: `arn:aws:iam::${caller.accountId}:role/app` })),
      { nil: null },
    ),
  }),
  fc.record({ authType: fc.constant("LAMBDA" as const), answer: authorizerAnswer }),
  fc.record({
    authType: fc.constant("COGNITO_USER_POOLS" as const),
    cognitoTokenValid: fc.boolean(),
    cognitoResourcePolicy: fc.constantFrom("must-allow" as const, "silent-allows" as const),
  }),
);

const network = fc.record({
  endpointType: fc.constantFrom<EndpointType>("REGIONAL", "EDGE", "PRIVATE"),
  ip: fc.constantFrom("203.0.113.9", "10.1.2.3", "198.51.100.7", "2001:db8::1"),
  sourceVpce: fc.constantFrom("vpce-1a2b3c4d", "vpce-99999999"),
});

interface Built {
  options: ApiGatewayAccessOptions;
  calls: () => number;
}

function build(
  arn: string,
  net: { endpointType: EndpointType; ip: string; sourceVpce: string },
  a: Auth,
  policy: PolicyDocument | CompiledPolicy | undefined,
): Built {
  let count = 0;
  const common = {
    methodArn: arn,
    endpointType: net.endpointType,
    ...(net.endpointType === "PRIVATE"
      ? { vpcSourceIp: net.ip, sourceVpce: net.sourceVpce }
      : { sourceIp: net.ip }),
    ...(policy === undefined ? {} : { resourcePolicy: policy }),
  };
  let options: ApiGatewayAccessOptions;
  if (a.authType === "LAMBDA") {
    const answer = a.answer;
    options = {
      ...common,
      authType: "LAMBDA",
      authorizer: () => {
        count++;
        return answer;
      },
    };
  } else {
    options = { ...common, ...a };
  }
  return { options, calls: () => count };
}

const denyEveryone: PolicyStatement = {
  Effect: "Deny",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "*",
};

/** Method ARNs of other APIs too: one compiled policy is prepared per API it is used with. */
const anyApiMethodArn = fc.oneof(
  methodArn,
  fc.constantFrom(
    "arn:aws:execute-api:eu-west-1:111122223333:other/prod/GET/pets",
    "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/POST/orders",
  ),
);

/** Resource policies, some with a short resource that does not expand (invalid_arn per call). */
const anyResourcePolicy: fc.Arbitrary<PolicyDocument> = fc.oneof(
  { weight: 9, arbitrary: resourcePolicy },
  {
    weight: 1,
    arbitrary: resourcePolicy.map((policy) => ({
      ...policy,
      Statement: [
        ...(policy.Statement as PolicyStatement[]),
        { ...denyEveryone, Resource: "execute-api:not-a-path" },
      ],
    })),
  },
);

type Outcome =
  | { returned: Awaited<ReturnType<typeof evaluateApiGatewayAccess>>; calls: number }
  | { threw: { name: string; code: unknown; path: unknown; message: string } };

async function outcome(built: Built): Promise<Outcome> {
  try {
    return { returned: await evaluateApiGatewayAccess(built.options), calls: built.calls() };
  } catch (error) {
    const { name, message, code, path } = error as Error & { code?: unknown; path?: unknown };
    return { threw: { name, message, code, path } };
  }
}

describe("evaluateApiGatewayAccess under random policies and requests", () => {
  it("gives deep-equal results for a resource policy and its compiled form, reused across requests", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyResourcePolicy,
        fc.array(fc.tuple(anyApiMethodArn, network, auth), { minLength: 1, maxLength: 4 }),
        async (policy, requests) => {
          const compiled = compilePolicy(policy);
          for (const [arn, net, a] of requests) {
            const fromDocument = await outcome(build(arn, net, a, policy));
            const fromCompiled = await outcome(build(arn, net, a, compiled));
            expect(fromCompiled).toEqual(fromDocument);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never answers 200, nor invokes the authorizer, when the resource policy explicitly denies", async () => {
    await fc.assert(
      fc.asyncProperty(
        methodArn,
        network,
        auth,
        resourcePolicy,
        fc.nat(),
        async (arn, net, a, policy, at) => {
          const statements = [...(policy.Statement as PolicyStatement[])];
          statements.splice(at % (statements.length + 1), 0, denyEveryone);
          const { options, calls } = build(arn, net, a, { ...policy, Statement: statements });
          const result = await evaluateApiGatewayAccess(options);
          expect(result.status).not.toBe(200);
          expect(calls()).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never answers 200 when it reports an explicit Deny from the resource policy", async () => {
    await fc.assert(
      fc.asyncProperty(
        methodArn,
        network,
        auth,
        fc.option(resourcePolicy, { nil: undefined }),
        async (arn, net, a, policy) => {
          const result = await evaluateApiGatewayAccess(build(arn, net, a, policy).options);
          if (result.resourcePolicyDecision === "explicit-deny") {
            expect(result.status).not.toBe(200);
          }
          expect(result.status === 200).toBe(result.message === null && result.errorType === null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("throws nothing but PolicyError or TypeError for arbitrary input", async () => {
    const junkOptions = fc.record(
      {
        methodArn: fc.oneof(methodArn, fc.string(), fc.anything()),
        endpointType: fc.oneof(fc.constantFrom("REGIONAL", "EDGE", "PRIVATE"), fc.anything()),
        authType: fc.oneof(
          fc.constantFrom("NONE", "AWS_IAM", "LAMBDA", "COGNITO_USER_POOLS"),
          fc.anything(),
        ),
        resourcePolicy: fc.oneof(
          resourcePolicy,
          resourcePolicy.map(compilePolicy),
          fc.anything(),
          fc.json(),
        ),
        sourceIp: fc.oneof(fc.constant("192.0.2.1"), fc.anything()),
        vpcSourceIp: fc.anything(),
        sourceVpce: fc.anything(),
        context: fc.anything(),
        now: fc.oneof(fc.date(), fc.anything()),
        caller: fc.oneof(
          fc.constant(null),
          fc.record({
            arn: fc.oneof(fc.constant(`arn:aws:iam::${API_ACCOUNT}:role/x`), fc.string()),
            accountId: fc.oneof(fc.constant(API_ACCOUNT), fc.string()),
            signatureValid: fc.anything(),
            callerPolicy: fc.oneof(identityPolicy, fc.anything()),
          }),
          fc.anything(),
        ),
        authorizer: fc.oneof(authorizerAnswer, fc.anything(), fc.func(fc.anything())),
        cognitoTokenValid: fc.anything(),
        cognitoResourcePolicy: fc.anything(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(junkOptions, async (options) => {
        try {
          await evaluateApiGatewayAccess(options as unknown as ApiGatewayAccessOptions);
        } catch (error) {
          expect(error instanceof TypeError || isPolicyError(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
