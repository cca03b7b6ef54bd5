import type { PolicyDocument } from "../document/policy-document.js";
import { sha256Hex } from "../internal/sha256.js";

function canonicalJson(value: unknown, path: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`policyHash: ${path} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonicalJson(item ?? null, `${path}[${index}]`)).join(",")}]`;
  }
  if (typeof value === "object") {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(
        (key) =>
          `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], `${path}.${key}`)}`,
      );
    return `{${entries.join(",")}}`;
  }
  throw new TypeError(`policyHash: ${path} is a ${typeof value}, not a JSON value`);
}

/**
 * Hex SHA-256 of a policy's canonical JSON (object keys sorted recursively, arrays kept in order,
 * no whitespace): a stable fingerprint to trigger a redeploy when the policy changes, since API
 * Gateway applies a resource-policy change only after the next deployment.
 *
 * Synchronous and dependency-free, so IaC code (CDK, Terraform, CloudFormation) can use it at
 * synth time in Node or a browser. The short and expanded forms of one policy hash differently:
 * hash the form you deploy.
 *
 * @param policy - The policy document (any JSON-compatible object).
 * @returns 64 lower-case hex characters.
 * @throws TypeError when `policy` holds a value JSON cannot represent (function, bigint, NaN...).
 * @example
 * ```ts
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * const trigger = policyHash(policy); // put it in the deployment's triggers / description
 * trigger.length; // 64
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
 */
export function policyHash(policy: PolicyDocument): string {
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) {
    throw new TypeError("policyHash: policy must be a policy document object");
  }
  return sha256Hex(canonicalJson(policy, "policy"));
}
