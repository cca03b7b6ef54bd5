import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { expandResourceArn } from "../arn/expand-resource-arn.js";
import type { ApiAuthTypes } from "../auth-types/api-auth-types.js";
import type { ApiAuthTypeTable } from "../auth-types/internal/read-api-auth-types.js";
import { readApiAuthTypes } from "../auth-types/internal/read-api-auth-types.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import { accountAllowlist } from "./account-allowlist.js";
import { buildPolicyStatements } from "./internal/build-policy-statements.js";
import { checkAccountRules } from "./internal/check-account-rules.js";
import { planAllows } from "./internal/plan-allows.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { compactLength, RESOURCE_POLICY_SIZE_LIMIT, worstCaseExpandedSize } from "./policy-size.js";
import { privateIpDenylist } from "./private-ip-denylist.js";
import type { ResourcePolicyRule } from "./resource-policy-rule.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

/**
 * Options of {@link composeResourcePolicy}: how the API's methods are authorized (required), and
 * short resources as written (the default) or expanded to full ARNs for one API.
 */
export type ComposeResourcePolicyOptions = {
  /**
   * How the API's methods are authorized: a list for the whole API or a map of route -> type
   * ({@link ApiAuthTypes}). Decides which methods get an `Allow` (NONE, COGNITO_USER_POOLS
   * and JWT methods, and only those) so that no Allow overrides a Lambda authorizer's or an IAM policy's
   * implicit deny. `null` opts out knowingly: one `Allow *` on the whole API, the shape of AWS's
   * examples, which lets every caller of a Lambda- or IAM-authorized method through unless its
   * authorizer or IAM policy explicitly denies (Table A).
   */
  authTypes: ApiAuthTypes | null;
} & ({ form?: "short" } | { form: "expanded"; target: ApiTarget });

/** Re-validates a rule (it may come from JSON rather than from a preset). */
function revalidate(rule: ResourcePolicyRule, index: number): ResourcePolicyRule {
  if (typeof rule !== "object" || rule === null || !Array.isArray(rule.values)) {
    throw new TypeError(`composeResourcePolicy: rules[${index}] is not a ResourcePolicyRule`);
  }
  const resources = { resources: rule.resources };
  switch (rule.kind) {
    case "accountAllowlist":
      return accountAllowlist({ principals: rule.values, ...resources });
    case "ipDenylist":
      return ipDenylist({ cidrs: rule.values, ...resources });
    case "ipAllowlist":
      return ipAllowlist({ cidrs: rule.values, ...resources });
    case "privateIpDenylist":
      return privateIpDenylist({ cidrs: rule.values, ...resources });
    case "sourceVpcAllowlist":
      return sourceVpcAllowlist({ vpcIds: rule.values, ...resources });
    case "vpcEndpointAllowlist":
      return vpcEndpointAllowlist({ vpceIds: rule.values, ...resources });
    default:
      throw new TypeError(
        `composeResourcePolicy: rules[${index}] has the unknown kind ${JSON.stringify((rule as { kind: unknown }).kind)}`,
      );
  }
}

function checkSize(size: number, form: string): void {
  if (size > RESOURCE_POLICY_SIZE_LIMIT) {
    throw new PolicyError(
      "policy_too_large",
      `The resource policy is ${size} characters in its ${form} form; API Gateway allows ${RESOURCE_POLICY_SIZE_LIMIT}`,
      {
        expected: `at most ${RESOURCE_POLICY_SIZE_LIMIT} characters of compact JSON`,
        actual: size,
      },
    );
  }
}

interface ReadOptions {
  target: ApiTarget | undefined;
  authTypes: ApiAuthTypeTable | null;
}

function readOptions(options: unknown): ReadOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      "composeResourcePolicy: options must be an object with `authTypes`: the authorization types of the API's methods " +
        '(e.g. { authTypes: ["LAMBDA"] }); without them an Allow could override an authorizer\'s implicit deny',
    );
  }
  const { form, target, authTypes } = options as {
    form?: unknown;
    target?: unknown;
    authTypes?: unknown;
  };
  if (authTypes === undefined) {
    throw new TypeError(
      "composeResourcePolicy: options.authTypes is required: say how the API's methods are authorized " +
        '(["LAMBDA"], ["NONE"], or per route { "OPTIONS /pets": "NONE", "*": "LAMBDA" }). It decides which ' +
        "methods get an Allow: an Allow on a Lambda- or IAM-authorized method overrides their implicit deny (Table A). " +
        "Pass null to get AWS's example shape (Allow * on the whole API) knowingly.",
    );
  }
  const table = authTypes === null ? null : readApiAuthTypes(authTypes, "composeResourcePolicy");
  if (form === undefined || form === "short") return { target: undefined, authTypes: table };
  if (form !== "expanded") {
    throw new TypeError(
      `composeResourcePolicy: form must be "short" or "expanded", got ${String(form)}`,
    );
  }
  if (typeof target !== "object" || target === null) {
    throw new TypeError('composeResourcePolicy: form "expanded" needs a target API');
  }
  return { target: target as ApiTarget, authTypes: table };
}

/**
 * Composes preset rules into one resource policy that is safe next to authorizers: every
 * restriction becomes a Deny (checked before any authorizer runs), and the only Allow statements
 * are those the API's methods need, given `options.authTypes`:
 *
 * - `NONE`, `COGNITO_USER_POOLS` and `JWT` (REST JWT authorizer) methods get `Allow *` on exactly
 *   their routes (`AllowNoneAuthMethods`, `AllowCognitoMethods`, `AllowJwtMethods`; `AllowInvoke`
 *   on `execute-api:/*` when every method is of those types): with a resource policy, API Gateway
 *   refuses them unless it allows (for `JWT` undocumented by AWS: the conservative reading,
 *   `jwtResourcePolicy: "must-allow"`). A Cognito or JWT caller still needs a valid token,
 *   checked before the policy.
 * - `LAMBDA` and `AWS_IAM` methods get no `Allow *`: in the API's account an Allow in the resource
 *   policy overrides the authorizer's or the IAM policy's implicit deny (Table A), so a route the
 *   authorizer does not list would open. Their callers are let in by the authorizer's policy or
 *   their IAM policy; {@link accountAllowlist} grants (`AllowInvoke`, `Principal: { AWS }`) are the
 *   way to admit other accounts' IAM callers, who need both sides (Table B).
 *
 * One Deny per restriction, lists of the same kind on the same resources merged. Output is
 * deterministic: `Version: "2012-10-17"`, stable `Sid`s (`AllowInvoke`, `AllowNoneAuthMethods`,
 * `AllowCognitoMethods`, `AllowJwtMethods`, `DenyIpDenylist`, `DenyIpAllowlist`, `DenyPrivateIpDenylist`,
 * `DenySourceVpcAllowlist`, `DenyVpcEndpointAllowlist`, numbered `2`, `3`... when one kind needs
 * several statements), sorted values; the order of `rules`, of their lists and of `authTypes` does
 * not matter. Both the short and the expanded form must fit in 8192 characters of compact JSON; in
 * short form without a target the expanded size is estimated for the longest partition, region
 * and API id.
 *
 * @param rules - Rules from the presets; at least one.
 * @param options - `authTypes` (required): a list of the types the API's methods use, or a map of
 *   route -> type with `"*"` for the rest (`CUSTOM` = `LAMBDA`); `null` knowingly writes AWS's
 *   example shape (`Allow *` on the whole API). `{ form: "expanded", target }` writes full ARNs for
 *   that API (what API Gateway stores, so IaC shows no diff); default short `execute-api:/...`.
 * @returns A new policy document.
 * @throws PolicyError `policy_too_large`; `invalid_route_template` for a bad `authTypes` key;
 *   `invalid_*` codes when a rule was not built by a preset.
 * @throws TypeError for an empty rule list, missing `authTypes`, an unknown option, or an
 *   impossible combination: a list of auth types mixing methods that need an Allow (NONE,
 *   COGNITO_USER_POOLS, JWT) with methods it would open (LAMBDA, AWS_IAM) — give a map; an Allow for a
 *   NONE route that IAM's `*` would stretch over a LAMBDA or AWS_IAM route; an
 *   {@link accountAllowlist} without AWS_IAM methods or covering LAMBDA routes; an
 *   {@link ipAllowlist} (public APIs only) with a {@link sourceVpcAllowlist} or
 *   {@link vpcEndpointAllowlist} (private APIs only), which denies every caller on either API type.
 * @example
 * ```ts
 * // A Lambda authorizer on every method but the CORS preflights.
 * const policy = composeResourcePolicy(
 *   [ipDenylist({ cidrs: ["192.0.2.0/24", "2001:db8::/32"] })],
 *   { authTypes: { "OPTIONS /pets": "NONE", "OPTIONS /pets/{id}": "NONE", "*": "LAMBDA" } },
 * );
 * policy.Statement; // AllowNoneAuthMethods (execute-api:/*\/OPTIONS/pets, ...), DenyIpDenylist
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function composeResourcePolicy(
  rules: readonly ResourcePolicyRule[],
  options: ComposeResourcePolicyOptions,
): PolicyDocument {
  if (!Array.isArray(rules)) throw new TypeError("composeResourcePolicy: rules must be an array");
  if (rules.length === 0) {
    throw new TypeError("composeResourcePolicy: give at least one rule");
  }
  const { target, authTypes } = readOptions(options);
  const valid = rules.map(revalidate);
  const kinds = new Set(valid.map((rule) => rule.kind));
  if (
    kinds.has("ipAllowlist") &&
    (kinds.has("sourceVpcAllowlist") || kinds.has("vpcEndpointAllowlist"))
  ) {
    throw new TypeError(
      "composeResourcePolicy: ipAllowlist (aws:SourceIp, absent on private APIs) cannot be combined with " +
        "sourceVpcAllowlist / vpcEndpointAllowlist (keys absent on public APIs): one of them denies every caller",
    );
  }

  const accountRules = valid.filter((rule) => rule.kind === "accountAllowlist");
  checkAccountRules(authTypes, accountRules);
  const plan = planAllows(authTypes, accountRules.length > 0);

  const short = buildPolicyStatements(valid, plan, (resource) => resource);
  if (target === undefined) {
    checkSize(compactLength(short), "short");
    checkSize(
      worstCaseExpandedSize(short),
      "expanded (estimated for the longest region and partition)",
    );
    return short;
  }
  const expanded = buildPolicyStatements(valid, plan, (resource) =>
    expandResourceArn(resource, target),
  );
  checkSize(compactLength(short), "short");
  checkSize(compactLength(expanded), "expanded");
  return expanded;
}
