import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { expandResourceArn } from "../arn/expand-resource-arn.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import { accountAllowlist } from "./account-allowlist.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { compactLength, RESOURCE_POLICY_SIZE_LIMIT, worstCaseExpandedSize } from "./policy-size.js";
import { privateIpDenylist } from "./private-ip-denylist.js";
import type { ResourcePolicyRule, ResourcePolicyRuleKind } from "./resource-policy-rule.js";
import { ALL_RESOURCES, compareStrings } from "./rule-values.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

/** Short resources as written (the default), or expanded to full ARNs for one API. */
export type ComposeResourcePolicyOptions =
  | { form?: "short" }
  | { form: "expanded"; target: ApiTarget };

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

  // One Allow: to everyone, or only to the allowlisted accounts. Never both, since an
  // `Allow *` next to an account allowlist would make the allowlist void.
  const accountGroups = groupsOf("accountAllowlist");
  const allows: PolicyStatement[] =
    accountGroups.length === 0
      ? [
          {
            Sid: "AllowInvoke",
            Effect: "Allow",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: [mapResource(ALL_RESOURCES)],
          },
        ]
      : accountGroups.map((group, index) => ({
          Sid: numberedSid("AllowInvoke", index),
          Effect: "Allow",
          Principal: { AWS: group.values },
          Action: "execute-api:Invoke",
          Resource: group.resources,
        }));

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

function readOptions(options: unknown): ApiTarget | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) {
    throw new TypeError("composeResourcePolicy: options must be an object");
  }
  const { form, target } = options as { form?: unknown; target?: unknown };
  if (form === undefined || form === "short") return undefined;
  if (form !== "expanded") {
    throw new TypeError(
      `composeResourcePolicy: form must be "short" or "expanded", got ${String(form)}`,
    );
  }
  if (typeof target !== "object" || target === null) {
    throw new TypeError('composeResourcePolicy: form "expanded" needs a target API');
  }
  return target as ApiTarget;
}

/**
 * Composes preset rules into one resource policy with the fewest statements: one Allow (to `*`,
 * or to the principals of {@link accountAllowlist}), then one Deny per restriction, lists of the
 * same kind on the same resources merged. Output is deterministic: `Version: "2012-10-17"`,
 * stable `Sid`s (`AllowInvoke`, `DenyIpDenylist`, `DenyIpAllowlist`, `DenyPrivateIpDenylist`,
 * `DenySourceVpcAllowlist`, `DenyVpcEndpointAllowlist`, numbered `2`, `3`... when one kind needs
 * several statements), sorted values; the order of `rules` and of their lists does not matter.
 *
 * The base `Allow *` always covers the whole API (`execute-api:/*`), so a restriction scoped to
 * some resources does not cut off the rest. Both the short and the expanded form must fit in 8192
 * characters of compact JSON; in short form without a target the expanded size is estimated for
 * the longest partition, region and API id.
 *
 * @param rules - Rules from the presets; at least one.
 * @param options - `{ form: "expanded", target }` writes full ARNs for that API (what API Gateway
 *   stores, so IaC shows no diff); default short `execute-api:/...` resources.
 * @returns A new policy document.
 * @throws PolicyError `policy_too_large`; `invalid_*` codes when a rule was not built by a preset.
 * @throws TypeError for an empty rule list, an unknown option, or an impossible combination: an
 *   {@link ipAllowlist} (public APIs only) with a {@link sourceVpcAllowlist} or
 *   {@link vpcEndpointAllowlist} (private APIs only) denies every caller on either API type.
 * @example
 * ```ts
 * const policy = composeResourcePolicy([
 *   ipDenylist({ cidrs: ["192.0.2.0/24", "2001:db8::/32"] }),
 *   ipAllowlist({ cidrs: ["203.0.113.0/24", "2001:db8:1::/48"], resources: ["execute-api:/prod/*"] }),
 * ]);
 * policy.Statement; // AllowInvoke, DenyIpDenylist, DenyIpAllowlist
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function composeResourcePolicy(
  rules: readonly ResourcePolicyRule[],
  options?: ComposeResourcePolicyOptions,
): PolicyDocument {
  if (!Array.isArray(rules)) throw new TypeError("composeResourcePolicy: rules must be an array");
  if (rules.length === 0) {
    throw new TypeError("composeResourcePolicy: give at least one rule");
  }
  const target = readOptions(options);
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

  const short = build(valid, (resource) => resource);
  if (target === undefined) {
    checkSize(compactLength(short), "short");
    checkSize(
      worstCaseExpandedSize(short),
      "expanded (estimated for the longest region and partition)",
    );
    return short;
  }
  const expanded = build(valid, (resource) => expandResourceArn(resource, target));
  checkSize(compactLength(short), "short");
  checkSize(compactLength(expanded), "expanded");
  return expanded;
}
