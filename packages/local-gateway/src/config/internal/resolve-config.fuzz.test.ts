import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLocalGatewayError } from "../../errors.js";
import type { LocalGatewayConfig } from "../gateway-config.js";
import { resolveConfig } from "./resolve-config.js";

// Random config objects (shaped like configs, any field replaced by anything) never escape as an
// untyped error: resolveConfig either accepts them or throws invalid_config naming the field.

const RUNS = 1_500;
const handler = () => ({ statusCode: 200 });

/**
 * Mostly a valid value, sometimes a near miss, sometimes anything at all: each config has dozens of
 * fields, so both accepted and refused configs come up.
 */
function field(
  valid: fc.Arbitrary<unknown>,
  nearMiss?: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 40, arbitrary: valid },
    { weight: 1, arbitrary: nearMiss ?? fc.constant(undefined) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.constant(undefined));
const text = fc.string({ maxLength: 12 });
const handlerField = field(fc.constant(handler));
const auth = fc.oneof(
  fc.constantFrom("NONE", "AWS_IAM"),
  fc.record({ authorizer: field(fc.constant("a"), fc.constant("missing")) }),
);
const restRoute = fc.record({
  method: field(fc.constantFrom("GET", "get", "POST", "ANY"), fc.constantFrom("TRACE", "")),
  resource: field(
    fc.constantFrom("/", "/pets", "/pets/{id}", "/files/{proxy+}"),
    fc.constantFrom("pets", "//", "/a/", "/{a+}/b", "/{x", undefined),
  ),
  auth: field(auth, fc.constant("IAM")),
  handler: handlerField,
});
const httpRoute = fc.record({
  routeKey: field(
    fc.constantFrom("$default", "GET /pets/{id}", "get /x", "ANY /{proxy+}"),
    fc.constantFrom("GET", "TRACE /x", undefined),
  ),
  auth: field(auth, fc.constant("IAM")),
  handler: handlerField,
  payloadFormatVersion: field(optional(fc.constantFrom("1.0", "2.0")), fc.constant("3.0")),
});
const identitySource = (type: "REST" | "HTTP") =>
  field(
    optional(
      fc.constant(
        type === "HTTP" ? "$request.header.Authorization" : "method.request.header.Authorization",
      ),
    ),
    fc.constantFrom("header.Authorization", "$context.routeKey"),
  );
const authorizer = (type: "REST" | "HTTP") =>
  fc.record({
    type: field(
      fc.constantFrom(type === "REST" ? "TOKEN" : "JWT", "REQUEST"),
      fc.constantFrom("LAMBDA", "COGNITO_USER_POOLS"),
    ),
    handler: handlerField,
    identitySource: identitySource(type),
    resultTtlInSeconds: field(
      optional(fc.integer({ min: 0, max: 3600 })),
      fc.constantFrom(-1, 3601, 1.5),
    ),
    identityValidationExpression: field(optional(fc.constant("^Bearer .+$")), fc.constant("(")),
    verifier: field(
      fc.constant({ verify: async () => ({ claims: {} }) }),
      fc.constant({ verify: "no" }),
    ),
  });
const policy = field(
  optional(
    fc.constant({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
        },
      ],
    }),
  ),
  fc.constantFrom(
    { Version: "2012-10-17", Statement: "nope" },
    {
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws-foo:iam::123456789012:root" },
          Action: "*",
          Resource: "*",
        },
      ],
    },
  ),
);
const commonApi = {
  name: field(fc.constant(undefined), fc.constant("")),
  apiId: field(optional(fc.constantFrom("x1", "localapi99")), fc.constantFrom("ABC", "my-api", "")),
  basePath: field(optional(fc.constantFrom("/one", "/two")), fc.constantFrom("/a/", "b", "/a b")),
  stageVariables: field(
    optional(fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), text, { maxKeys: 2 })),
    fc.constant({ n: 1 }),
  ),
};
const api = fc.oneof(
  fc.record({
    type: field(fc.constant("REST"), fc.constant("GRPC")),
    ...commonApi,
    stage: field(
      optional(fc.constantFrom("dev", "prod_1")),
      fc.constantFrom("$default", "a$b", ""),
    ),
    authorizers: field(optional(fc.record({ a: authorizer("REST") })), fc.constant([])),
    routes: field(fc.array(restRoute, { maxLength: 3 }), fc.constant("GET /")),
    endpointType: field(optional(fc.constantFrom("REGIONAL", "EDGE")), fc.constant("LOCAL")),
    resourcePolicy: policy,
    cognitoResourcePolicy: field(optional(fc.constant("silent-allows")), fc.constant("maybe")),
    sourceVpc: field(fc.constant(undefined), fc.constant("vpc-1a2b3c4d")),
  }),
  fc.record({
    type: field(fc.constant("HTTP")),
    ...commonApi,
    stage: field(optional(fc.constantFrom("$default", "v1")), fc.constant("a.b")),
    authorizers: field(optional(fc.record({ a: authorizer("HTTP") })), fc.constant("a")),
    routes: field(fc.array(httpRoute, { maxLength: 3 })),
    resourcePolicy: field(fc.constant(undefined), policy),
  }),
  fc.record({
    type: field(fc.constant("WEBSOCKET")),
    ...commonApi,
    stage: field(optional(fc.constant("dev"))),
    connect: field(
      fc.record({
        auth: field(fc.constant("NONE")),
        handler: field(optional(fc.constant(handler))),
      }),
    ),
  }),
);
const credential = fc.record({
  accessKeyId: field(fc.constantFrom("AKIDA", "AKIDB"), fc.constant("")),
  secretAccessKey: field(fc.constant("secret"), fc.constant("")),
  sessionToken: field(optional(fc.constant("token")), fc.constant("")),
  principalArn: field(
    fc.constantFrom(
      "arn:aws:iam::123456789012:user/alice",
      "arn:aws:sts::123456789012:assumed-role/app/s",
      "arn:aws:iam::111122223333:root",
    ),
    fc.constantFrom(
      "arn:aws-foo:iam::123456789012:user/alice",
      "arn:aws-cn:iam::123456789012:root",
      "arn:aws:iam::123456789012:saml-provider/Okta",
      "alice",
    ),
  ),
  orgId: field(optional(fc.constant("o-abcdefghij"))),
  policy: field(
    fc.oneof(
      fc.constant(null),
      policy.filter((value) => value !== undefined),
    ),
  ),
});
const config = fc.record({
  apis: field(fc.array(api, { minLength: 1, maxLength: 2 }), fc.constant([])),
  region: field(
    optional(fc.constantFrom("us-east-1", "eu-west-1")),
    fc.constantFrom("us-isoz-east-1", "moon-1"),
  ),
  accountId: field(optional(fc.constant("123456789012")), fc.constant("1234")),
  credentials: field(
    optional(
      fc.oneof(
        fc.array(credential, { maxLength: 2 }),
        fc.constant(() => undefined),
      ),
    ),
  ),
  port: field(optional(fc.integer({ min: 0, max: 65_535 })), fc.constantFrom(-1, 70_000, 1.5)),
  now: field(optional(fc.constant(() => new Date(0)))),
  maxBodyBytes: field(optional(fc.integer({ min: 0, max: 100 })), fc.constant(-1)),
  onDecision: field(optional(fc.constant(() => undefined))),
  trustForwardedFor: field(optional(fc.boolean())),
});

describe("resolveConfig under random configs", () => {
  it("accepts the config or throws invalid_config whose message starts with the field path", () => {
    let refused = 0;
    fc.assert(
      fc.property(config, (input) => {
        try {
          resolveConfig(input as LocalGatewayConfig);
        } catch (error) {
          refused++;
          expect(isLocalGatewayError(error), String((error as Error)?.stack ?? error)).toBe(true);
          const { code, path, message } = error as { code: string; path: string; message: string };
          expect(code).toBe("invalid_config");
          expect(typeof path).toBe("string");
          expect(message.startsWith(path), `${path} / ${message}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes are exercised (a generator that only produced broken configs would prove little).
    expect(refused).toBeGreaterThan(RUNS * 0.1);
    expect(refused).toBeLessThan(RUNS * 0.9);
  });

  it("throws invalid_config for anything that is not a config object", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          resolveConfig(input as LocalGatewayConfig);
        } catch (error) {
          expect(error).toMatchObject({ code: "invalid_config" });
          return;
        }
        expect(Array.isArray((input as { apis?: unknown }).apis)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
