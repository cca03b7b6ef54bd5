import { isAbsentConditionKey } from "../absent-condition-key.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * IP lists with only IPv4 blocks on a dual-stack API: IPv6 callers match no IPv4 block, so a
 * denylist lets them through and an allowlist locks them out.
 * @internal
 */
export function ipv4OnlyOnDualstack(context: LintContext): LintFinding[] {
  const dualstack = context.endpointType === "PRIVATE" || context.ipAddressType === "dualstack";
  if (!dualstack) return [];
  const findings: LintFinding[] = [];
  for (const condition of context.ipConditions) {
    if (isAbsentConditionKey(condition.key, context.endpointType)) continue;
    const { cidrs } = condition;
    if (cidrs.length === 0 || cidrs.some((cidr) => cidr.version === 6)) continue;
    const deny = condition.owner.statement.Effect === "Deny";
    // Deny+IpAddress and Allow+NotIpAddress block the listed addresses; the other two admit them.
    const blocksListed = deny !== condition.negated;
    const { key, operator } = condition.entry;
    findings.push(
      blocksListed
        ? createFinding(
            "ipv4_only_denylist_on_dualstack",
            condition.entry.path,
            `This ${key} denylist has only IPv4 blocks on a dual-stack API: a caller reaching the API over IPv6 matches none of them and is not denied.`,
            `Add the IPv6 blocks of the same callers to ${operator}, or switch the API's IP address type to ipv4.`,
          )
        : createFinding(
            "ipv4_only_allowlist_on_dualstack",
            condition.entry.path,
            `This ${key} allowlist has only IPv4 blocks on a dual-stack API: every caller reaching the API over IPv6 is locked out.`,
            `Add the IPv6 blocks of the allowed callers to ${operator}, or switch the API's IP address type to ipv4.`,
          ),
    );
  }
  return findings;
}
