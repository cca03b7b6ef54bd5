import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { expandResourceArn } from "../arn/expand-resource-arn.js";
import type { ApiAuthTypes } from "../auth-types/api-auth-types.js";
import type { ApiAuthTypeTable } from "../auth-types/internal/read-api-auth-types.js";
import { readApiAuthTypes } from "../auth-types/internal/read-api-auth-types.js";
import {
  globCovers,
  globMeetsRoute,
  resourceTail,
  routeGlob,
} from "../auth-types/internal/route-coverage.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import type { MethodAuthType } from "../gateway/api-gateway-access.js";
import { accountAllowlist } from "./account-allowlist.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { compactLength, RESOURCE_POLICY_SIZE_LIMIT, worstCaseExpandedSize } from "./policy-size.js";
import { privateIpDenylist } from "./private-ip-denylist.js";
import type { ResourcePolicyRule, ResourcePolicyRuleKind } from "./resource-policy-rule.js";
import { ALL_RESOURCES, compareStrings } from "./rule-values.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

/**
 * Options of {@link composeResourcePolicy}: how the API's methods are authorized (required), and
 * short resources as written (the default) or expanded to full ARNs for one API.
 */
export type ComposeResourcePolicyOptions = {
  /**
   * How the API's methods are authorized: a list for the whole API or a map of route -> type
   * ({@link ApiAuthTypes}). Decides which methods get an `Allow` (NONE and COGNITO_USER_POOLS
   * methods, and only those) so that no Allow overrides a Lambda authorizer's or an IAM policy's
   * implicit deny. `null` opts out knowingly: one `Allow *` on the whole API, the shape of AWS's
   * examples, which lets every caller of a Lambda- or IAM-authorized method through unless its
   * authorizer or IAM policy explicitly denies (Table A).
   */
  authTypes: ApiAuthTypes | null;
} & ({ form?: "short" } | { form: "expanded"; target: ApiTarget });

type DenyKind = Exclude<ResourcePolicyRuleKind, "accountAllowlist">;

/** Each restriction as one Deny condition; the order here is the statement order. */
const DENY_KINDS: Record<DenyKind, { sid: string; operator: string; key: string }> = {
  ipDenylist: { sid: "DenyIpDenylist", operator: "IpAddress", key: "aws:SourceIp" },
  ipAllowlist: { sid: "DenyIpAllowlist", operator: "NotIpAddress", key: "aws:SourceIp" },
  privateIpDenylist: {
    sid: "DenyPrivateIpDenylist",
    operator: "IpAddress",
    key: "aws:VpcSourceIp",
  },
  sourceVpcAllowlist: {
    sid: "DenySourceVpcAllowlist",
    operator: "StringNotEquals",
    key: "aws:SourceVpc",
  },
  vpcEndpointAllowlist: {
    sid: "DenyVpcEndpointAllowlist",
    operator: "StringNotEquals",
    key: "aws:SourceVpce",
  },
};

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

interface Group {
  values: string[];
  resources: string[];
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/**
 * Merges lists that apply to the same resources, then resources that carry the same list: for
 * an Allow, or a Deny whose values are ORed (`IpAddress`) or "matches none" (`NotIpAddress`,
 * `StringNotEquals`), both merges keep the meaning (for allowlists: one list, their union).
 */
function mergeGroups(groups: Group[]): Group[] {
  const byKey = (
    items: Group[],
    key: (group: Group) => string,
    merge: (a: Group, b: Group) => Group,
  ) => {
    const map = new Map<string, Group>();
    for (const item of items) {
      const k = key(item);
      const existing = map.get(k);
      map.set(k, existing === undefined ? item : merge(existing, item));
    }
    return [...map.values()];
  };
  const sameResources = byKey(
    groups,
    (group) => JSON.stringify(group.resources),
    (a, b) => ({ values: sortedUnique([...a.values, ...b.values]), resources: a.resources }),
  );
  const sameValues = byKey(
    sameResources,
    (group) => JSON.stringify(group.values),
    (a, b) => ({ values: a.values, resources: sortedUnique([...a.resources, ...b.resources]) }),
  );
  return sameValues.sort((a, b) =>
    compareStrings(
      JSON.stringify([a.resources, a.values]),
      JSON.stringify([b.resources, b.values]),
    ),
  );
}

function numberedSid(base: string, index: number): string {
  return index === 0 ? base : `${base}${index + 1}`;
}

function build(
  rules: ResourcePolicyRule[],
  plan: AllowPlan,
  mapResource: (resource: string) => string,
): PolicyDocument {
  const groupsOf = (kind: ResourcePolicyRuleKind) =>
    mergeGroups(
      rules
        .filter((rule) => rule.kind === kind)
        .map((rule) => ({
          values: [...rule.values],
          resources: sortedUnique(rule.resources.map(mapResource)),
        })),
    );

  const allows: PolicyStatement[] = groupsOf("accountAllowlist").map((group, index) => ({
    Sid: numberedSid("AllowInvoke", index),
    Effect: "Allow",
    Principal: { AWS: group.values },
    Action: "execute-api:Invoke",
    Resource: group.resources,
  }));
  const anyone = (sid: string, resources: readonly string[]): PolicyStatement => ({
    Sid: sid,
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: sortedUnique(resources.map(mapResource)),
  });
  if (plan.whole) allows.push(anyone("AllowInvoke", [ALL_RESOURCES]));
  if (plan.none.length > 0) allows.push(anyone("AllowNoneAuthMethods", plan.none));
  if (plan.cognito.length > 0) allows.push(anyone("AllowCognitoMethods", plan.cognito));

  // One Deny per restriction key. Keys are never merged into one statement: conditions within a
  // statement are ANDed, so "IP listed AND VPC not allowed" would deny far less than each
  // restriction on its own.
  const denies: PolicyStatement[] = [];
  for (const [kind, { sid, operator, key }] of Object.entries(DENY_KINDS) as [
    DenyKind,
    (typeof DENY_KINDS)[DenyKind],
  ][]) {
    groupsOf(kind).forEach((group, index) => {
      denies.push({
        Sid: numberedSid(sid, index),
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: group.resources,
        Condition: { [operator]: { [key]: group.values } },
      });
    });
  }
  return { Version: "2012-10-17", Statement: [...allows, ...denies] };
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

/** Which Allow statements to everyone the policy gets; resources in short form. */
interface AllowPlan {
  /** `Allow *` on the whole API (`AllowInvoke`). */
  whole: boolean;
  /** `AllowNoneAuthMethods`: the NONE methods. */
  none: string[];
  /** `AllowCognitoMethods`: the COGNITO_USER_POOLS methods. */
  cognito: string[];
}

/** NONE and Cognito methods need an explicit Allow once the API has a resource policy. */
function needsAllow(type: MethodAuthType): boolean {
  return type === "NONE" || type === "COGNITO_USER_POOLS";
}

function fail(message: string): never {
  throw new TypeError(`composeResourcePolicy: ${message}`);
}

/** Globs without those another glob of the list already covers, sorted. */
function withoutCovered(globs: readonly string[]): string[] {
  const unique = sortedUnique(globs);
  return unique.filter(
    (glob) => !unique.some((other) => other !== glob && globCovers(other, glob)),
  );
}

function planAllows(table: ApiAuthTypeTable | null, hasAccounts: boolean): AllowPlan {
  const plan: AllowPlan = { whole: false, none: [], cognito: [] };
  if (table === null) {
    // AWS's example shape: Allow * everywhere, unless an account allowlist says who may call.
    plan.whole = !hasAccounts;
    return plan;
  }
  const types = [...table.types];
  if (table.form === "list" || (table.fallback !== undefined && needsAllow(table.fallback))) {
    const open = types.filter(needsAllow);
    if (open.length === types.length) {
      plan.whole = true;
      return plan;
    }
    if (table.form === "map") {
      const closed = table.routes.filter((route) => !needsAllow(route.authType));
      fail(
        `"*" is ${table.fallback} but ${closed.map((route) => `"${route.key}"`).join(", ")} ${closed.length === 1 ? "is" : "are"} not: ` +
          "an Allow on everything but some methods cannot be written without a Deny that would also stop the authorized callers. " +
          `List the ${table.fallback} methods one by one and give "*" the authorizer's type.`,
      );
    }
    if (open.length > 0) {
      fail(
        `authTypes lists ${open.join(", ")} (methods that need an Allow) together with ${types.filter((type) => !needsAllow(type)).join(", ")} ` +
          "(methods an Allow would open, Table A), so it cannot tell which methods get the Allow. " +
          'Give a map of route -> type instead, e.g. { "OPTIONS /pets": "NONE", "*": "LAMBDA" }.',
      );
    }
    return plan;
  }

  const closed = table.routes.filter((route) => !needsAllow(route.authType));
  for (const route of table.routes) {
    if (!needsAllow(route.authType)) continue;
    for (const verb of route.verbs) {
      const glob = routeGlob(route, verb);
      const reached = closed.find((other) =>
        other.verbs.some((otherVerb) => globMeetsRoute(glob, other, otherVerb)),
      );
      if (reached !== undefined) {
        fail(
          `the Allow for the ${route.authType} method "${route.key}" (execute-api:/${glob}) would also cover "${reached.key}" (${reached.authType}): ` +
            'IAM\'s * also matches "/", so that Allow would let callers past its ' +
            `${reached.authType === "AWS_IAM" ? "IAM policy" : "authorizer"} (Table A). IAM wildcards cannot tell these routes apart: ` +
            `change one of the paths, or give "${route.key}" the same authorization.`,
        );
      }
      (route.authType === "NONE" ? plan.none : plan.cognito).push(glob);
    }
  }
  plan.none = withoutCovered(plan.none).map((glob) => `execute-api:/${glob}`);
  plan.cognito = withoutCovered(plan.cognito).map((glob) => `execute-api:/${glob}`);
  return plan;
}

/**
 * An account allowlist names IAM principals: a caller of a Lambda-authorized method is anonymous,
 * matches none of them, and is refused ("User: anonymous is not authorized") wherever that Allow
 * is the only one on the method.
 */
function checkAccountRules(table: ApiAuthTypeTable | null, accountRules: ResourcePolicyRule[]) {
  if (table === null || accountRules.length === 0) return;
  if (!table.types.has("AWS_IAM")) {
    fail(
      "accountAllowlist names IAM principals, which only AWS_IAM methods have, but authTypes has no AWS_IAM method: " +
        "every other caller is anonymous and would be refused.",
    );
  }
  if (table.form === "list") {
    if (table.types.size > 1) {
      fail(
        `accountAllowlist with authTypes ${[...table.types].join(", ")}: say which methods use AWS_IAM with a map of route -> type, ` +
          "so the account Allow can be checked to stay off the other methods (their anonymous callers would be refused).",
      );
    }
    return;
  }
  const lambda = table.routes.filter((route) => route.authType === "LAMBDA");
  const others = table.routes.filter((route) => route.authType !== "LAMBDA");
  for (const rule of accountRules) {
    for (const resource of rule.resources) {
      const tail = resourceTail(resource);
      if (tail === undefined) continue;
      const reached = lambda.find((route) =>
        route.verbs.some((verb) => globMeetsRoute(tail, route, verb)),
      );
      const unlisted =
        table.fallback === "LAMBDA" &&
        !others.some((route) =>
          route.verbs.some((verb) => globCovers(routeGlob(route, verb), tail)),
        );
      if (reached !== undefined || unlisted) {
        fail(
          `accountAllowlist resource ${resource} also covers ${reached === undefined ? 'methods of "*"' : `"${reached.key}"`} (LAMBDA): ` +
            "its callers are anonymous to IAM and would be refused. Scope the allowlist with `resources` to the AWS_IAM methods.",
        );
      }
    }
  }
}

/**
 * Composes preset rules into one resource policy that is safe next to authorizers: every
 * restriction becomes a Deny (checked before any authorizer runs), and the only Allow statements
 * are those the API's methods need, given `options.authTypes`:
 *
 * - `NONE` and `COGNITO_USER_POOLS` methods get `Allow *` on exactly their routes
 *   (`AllowNoneAuthMethods`, `AllowCognitoMethods`; `AllowInvoke` on `execute-api:/*` when every
 *   method is of those types): with a resource policy, API Gateway refuses them unless it allows.
 *   A Cognito caller still needs a valid token, checked before the policy.
 * - `LAMBDA` and `AWS_IAM` methods get no `Allow *`: in the API's account an Allow in the resource
 *   policy overrides the authorizer's or the IAM policy's implicit deny (Table A), so a route the
 *   authorizer does not list would open. Their callers are let in by the authorizer's policy or
 *   their IAM policy; {@link accountAllowlist} grants (`AllowInvoke`, `Principal: { AWS }`) are the
 *   way to admit other accounts' IAM callers, who need both sides (Table B).
 *
 * One Deny per restriction, lists of the same kind on the same resources merged. Output is
 * deterministic: `Version: "2012-10-17"`, stable `Sid`s (`AllowInvoke`, `AllowNoneAuthMethods`,
 * `AllowCognitoMethods`, `DenyIpDenylist`, `DenyIpAllowlist`, `DenyPrivateIpDenylist`,
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
 *   COGNITO_USER_POOLS) with methods it would open (LAMBDA, AWS_IAM) — give a map; an Allow for a
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

  const short = build(valid, plan, (resource) => resource);
  if (target === undefined) {
    checkSize(compactLength(short), "short");
    checkSize(
      worstCaseExpandedSize(short),
      "expanded (estimated for the longest region and partition)",
    );
    return short;
  }
  const expanded = build(valid, plan, (resource) => expandResourceArn(resource, target));
  checkSize(compactLength(short), "short");
  checkSize(compactLength(expanded), "expanded");
  return expanded;
}
