import fc from "fast-check";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import type { ConditionContext } from "../evaluate/evaluate-policy.js";
import { cognitoSessionContext } from "../identity-pool/cognito-session-context.js";
import type { IdentityOwner } from "./identity-owner.js";

/**
 * A policy as AWS's documentation examples are compared with the builders' output: without `Sid`
 * (labels, not semantics; AWS's examples use `""` or names of their own) and with `Action` and
 * `Resource` always lists (IAM reads `"a"` and `["a"]` alike). Order is kept: statements, actions,
 * resources and condition values must come in the same order.
 */
export function comparable(document: PolicyDocument): unknown {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    Version: document.Version,
    Statement: statements.map((statement: PolicyStatement) => {
      const { Sid: _sid, ...rest } = statement;
      const out: Record<string, unknown> = { ...rest };
      for (const field of ["Action", "Resource"] as const) {
        const value = rest[field];
        if (value !== undefined) out[field] = Array.isArray(value) ? value : [value];
      }
      return out;
    }),
  };
}

/** A syntactically valid identity pool id for tests. */
export const POOL_ID = "us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11";
/** A second pool. */
export const OTHER_POOL_ID = "us-east-1:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

/** Identity ids (`{region}:{GUID}`), the value of `cognito-identity.amazonaws.com:sub`. */
export const identityIdArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("us-east-1", "eu-west-1"), fc.uuid())
  .map(([region, guid]) => `${region}:${guid}`);

/** Whose data a policy grants: the identity, or a principal tag. */
export const ownerArb: fc.Arbitrary<IdentityOwner> = fc.oneof(
  fc.constant<IdentityOwner>("identity"),
  fc.constantFrom("tenant", "team", "org:unit").map((key) => ({ principalTag: key })),
);

/**
 * The request context of a signed-in identity's session (`cognitoSessionContext`): its identity id
 * is `value` when the owner is the identity; with a principal-tag owner, the identity id is
 * another one and the tag holds `value`.
 */
export function identityContext(owner: IdentityOwner, value: string): ConditionContext {
  return cognitoSessionContext(
    {
      identityPoolId: POOL_ID,
      identityId: owner === "identity" ? value : "us-east-1:00000000-0000-4000-8000-000000000000",
      authenticated: true,
      providers: ["cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi"],
      ...(owner === "identity" ? {} : { principalTags: { [owner.principalTag]: value } }),
    },
    "arn:aws:iam::123456789012:role/app-auth",
  );
}

const LITERALS = ["pets", "admin", "reports", "a"] as const;
const VALUES = [...LITERALS, "42", "zz"] as const;
const VERBS = ["GET", "POST", "PUT", "DELETE", "OPTIONS"] as const;

type Segment = "param" | "greedy" | (typeof LITERALS)[number];

/** A random API (its routes), the routes granted to a caller, and concrete requests. */
export interface InvokeCase {
  apiType: "rest" | "http";
  templates: string[];
  granted: string[];
  requests: { method: string; path: string }[];
}

const routeArb = fc
  .record({
    method: fc.constantFrom("GET", "GET", "POST", "ANY", "DELETE"),
    segments: fc.array(
      fc.oneof<fc.Arbitrary<Segment>[]>(fc.constantFrom(...LITERALS), fc.constant("param")),
      { maxLength: 3 },
    ),
    greedy: fc.boolean(),
  })
  .map(({ method, segments, greedy }) => ({
    method,
    segments: greedy ? [...segments, "greedy" as const] : segments,
  }));

function template(route: { method: string; segments: readonly Segment[] }): string {
  const path = route.segments
    .map((s, i) => (s === "param" ? `{p${i}}` : s === "greedy" ? "{rest+}" : s))
    .join("/");
  return `${route.method} /${path}`;
}

/** Random route tables (nested params, `ANY`, `{proxy+}`), grants and requests near the routes. */
export const invokeCaseArb: fc.Arbitrary<InvokeCase> = fc
  .tuple(
    fc.constantFrom<"rest" | "http">("rest", "http"),
    fc.uniqueArray(routeArb, {
      minLength: 1,
      maxLength: 6,
      selector: (route) => template(route).replace(/\{p\d\}/g, "{}"),
    }),
  )
  .chain(([apiType, routes]) =>
    fc.record({
      apiType: fc.constant(apiType),
      templates: fc.constant(routes.map(template)),
      granted: fc.subarray(routes.map(template), { minLength: 1 }),
      requests: fc.array(
        fc
          .record({
            index: fc.nat(),
            method: fc.constantFrom(...VERBS),
            values: fc.array(fc.constantFrom(...VALUES), { minLength: 4, maxLength: 4 }),
            deeper: fc.array(fc.constantFrom(...VALUES), { maxLength: 2 }),
          })
          .map(({ index, method, values, deeper }) => {
            const route = routes[index % routes.length] as (typeof routes)[number];
            const parts = route.segments.map((s, i) =>
              s === "param" || s === "greedy" ? (values[i] as string) : s,
            );
            return { method, path: `/${[...parts, ...deeper].join("/")}` };
          }),
        { minLength: 10, maxLength: 25 },
      ),
    }),
  );

/**
 * AWS's attribute-level example for the GameScores table (DynamoDB developer guide,
 * specifying-conditions.html), with the identity pool's variable as the page's web identity
 * federation section uses for Cognito (AWS writes `${www.amazon.com:user_id}`). One copy for the
 * builder's golden test and the evaluator's.
 */
export function gameScoresAttributeLevelExample(tableArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowAccessToOnlyItemsMatchingUserID",
        Effect: "Allow",
        Action: [
          "dynamodb:GetItem",
          "dynamodb:BatchGetItem",
          "dynamodb:Query",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem",
        ],
        Resource: [tableArn],
        Condition: {
          "ForAllValues:StringEquals": {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable.
            "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
            "dynamodb:Attributes": [
              "UserId",
              "GameTitle",
              "Wins",
              "Losses",
              "TopScore",
              "TopScoreDateTime",
            ],
          },
          StringEqualsIfExists: { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" },
        },
      },
    ],
  };
}
