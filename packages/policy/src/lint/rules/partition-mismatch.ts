import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { type Located, listAt } from "../list-at.js";

function arnPartitions(context: LintContext): Located<string>[] {
  const found: Located<string>[] = [];
  for (const view of context.statements) {
    for (const field of ["Principal", "NotPrincipal"] as const) {
      const principal = view.statement[field];
      if (principal === undefined || principal === "*") continue;
      for (const { value, path } of listAt(principal.AWS, `${view.path}.${field}.AWS`)) {
        const partition = value.startsWith("arn:") ? value.split(":")[1] : undefined;
        if (partition !== undefined && partition !== "*") found.push({ value: partition, path });
      }
    }
  }
  for (const resource of context.resources) {
    const partition = resource.arn?.partition;
    if (resource.arn?.form === "full" && partition !== undefined && !partition.includes("*")) {
      found.push({ value: partition, path: resource.path });
    }
  }
  return found;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) {
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/**
 * ARNs (resources and principals) whose partition differs from the expected one, or, without an
 * expected partition, from the one most of the policy uses: they match nothing in this partition.
 * @internal
 */
export function partitionMismatch(context: LintContext): LintFinding[] {
  const found = arnPartitions(context);
  const given = context.partition ?? context.target?.partition;
  const expected = given ?? mostCommon(found.map((item) => item.value));
  return found
    .filter((item) => item.value !== expected)
    .map(({ value, path }) =>
      createFinding(
        "partition_mismatch",
        path,
        given === undefined
          ? `This ARN is in partition "${value}" while the rest of the policy uses "${expected}"; an API lives in one partition, so it never matches.`
          : `This ARN is in partition "${value}" but the API is in "${expected}", so it never matches.`,
        `Use arn:${expected}:... here, or the short execute-api:/ form for resources, which API Gateway expands with the API's own partition.`,
      ),
    );
}
