/**
 * Builds the statements of a composed resource policy: the planned Allows, then one Deny per
 * restriction kind, with lists and resources merged where the meaning is kept.
 * @internal
 * @packageDocumentation
 */

import type { PolicyDocument, PolicyStatement } from "../../document/policy-document.js";
import type { ResourcePolicyRule, ResourcePolicyRuleKind } from "../resource-policy-rule.js";
import { ALL_RESOURCES, compareStrings, sortedUnique } from "../rule-values.js";
import type { AllowPlan } from "./plan-allows.js";

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

interface Group {
  values: string[];
  resources: string[];
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

export function buildPolicyStatements(
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
  if (plan.jwt.length > 0) allows.push(anyone("AllowJwtMethods", plan.jwt));

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
