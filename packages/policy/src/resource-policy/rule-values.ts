/**
 * Validation and normalisation shared by the resource-policy presets.
 * @internal
 */
import { parseExecuteApiArn } from "../arn/parse-execute-api-arn.js";
import { parseIpAddress } from "../cidr/ip-address.js";
import type { Cidr } from "../cidr/parse-cidr.js";
import { parseCidr } from "../cidr/parse-cidr.js";
import type { PolicyErrorCode } from "../errors.js";
import { PolicyError } from "../errors.js";
import { isAccountId } from "../identifiers/account-id.js";
import { classifyPrincipalArn } from "../identifiers/principal-arn.js";
import type {
  ResourcePolicyRule,
  ResourcePolicyRuleKind,
  ResourcePolicyRuleOptions,
} from "./resource-policy-rule.js";

/** @internal The whole API, in the short form API Gateway expands on save. */
export const ALL_RESOURCES = "execute-api:/*";

/** @internal Code-unit order: the same everywhere, unlike `localeCompare`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** @internal Sorted (code-unit order), without duplicates. */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** @internal Checks the options object and returns its list field (TypeError on misuse). */
export function listOption(
  options: unknown,
  kind: ResourcePolicyRuleKind,
  field: string,
): readonly unknown[] {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${kind}: options must be an object with a \`${field}\` array`);
  }
  const list = (options as Record<string, unknown>)[field];
  if (!Array.isArray(list)) {
    throw new TypeError(`${kind}: \`${field}\` must be an array, got ${describe(list)}`);
  }
  const { resources } = options as ResourcePolicyRuleOptions;
  if (resources !== undefined && !Array.isArray(resources)) {
    throw new TypeError(`${kind}: \`resources\` must be an array, got ${describe(resources)}`);
  }
  return list;
}

function describe(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

function requireNonEmpty(
  list: readonly unknown[],
  code: PolicyErrorCode,
  path: string,
  what: string,
): void {
  if (list.length === 0) {
    throw new PolicyError(code, `${path} is empty: give at least one ${what}`, {
      path,
      expected: `at least one ${what}`,
      actual: [],
    });
  }
}

/** @internal Validates `resources` (default: the whole API), de-duplicated and sorted. */
export function normalizeResources(options: unknown, kind: ResourcePolicyRuleKind): string[] {
  const resources = (options as ResourcePolicyRuleOptions).resources ?? [ALL_RESOURCES];
  const path = `${kind}.resources`;
  requireNonEmpty(resources, "invalid_arn", path, "resource");
  return sortedUnique(
    resources.map((resource: unknown, index) => {
      const at = `${path}[${index}]`;
      if (typeof resource !== "string") {
        throw new PolicyError("invalid_arn", `${at} is not a string`, {
          path: at,
          expected: "execute-api:/{stage}/{METHOD}/{path}, a full execute-api ARN, or *",
          actual: resource,
        });
      }
      if (resource !== "*") parseExecuteApiArn(resource, at);
      return resource;
    }),
  );
}

function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.version !== b.version) return a.version - b.version;
  const left = parseIpAddress(a.address)?.bytes ?? new Uint8Array();
  const right = parseIpAddress(b.address)?.bytes ?? new Uint8Array();
  for (let i = 0; i < left.length; i++) {
    const diff = (left[i] as number) - (right[i] as number);
    if (diff !== 0) return diff;
  }
  return a.prefix - b.prefix;
}

/**
 * @internal Canonical CIDR texts, de-duplicated, IPv4 before IPv6, in numeric order. Mixed
 * IPv4/IPv6 lists are welcome: a dual-stack API needs both.
 */
export function normalizeCidrs(
  list: readonly unknown[],
  kind: ResourcePolicyRuleKind,
  field: string,
): string[] {
  const path = `${kind}.${field}`;
  requireNonEmpty(list, "invalid_cidr", path, "CIDR block");
  const byText = new Map<string, Cidr>();
  list.forEach((value, index) => {
    const cidr = parseCidr(value as string, `${path}[${index}]`);
    byText.set(cidr.text, cidr);
  });
  return [...byText.values()].sort(compareCidrs).map((cidr) => cidr.text);
}

/**
 * @internal Ids matching `pattern` exactly (case-sensitive, as `StringNotEquals` compares them),
 * de-duplicated and sorted.
 */
export function normalizeIds(
  list: readonly unknown[],
  kind: ResourcePolicyRuleKind,
  field: string,
  pattern: RegExp,
  expected: string,
): string[] {
  const path = `${kind}.${field}`;
  requireNonEmpty(list, "invalid_vpc_id", path, expected);
  return sortedUnique(
    list.map((value, index) => {
      if (typeof value !== "string" || !pattern.test(value)) {
        const at = `${path}[${index}]`;
        throw new PolicyError("invalid_vpc_id", `${at} is not ${expected}`, {
          path: at,
          expected,
          actual: typeof value === "string" ? value.slice(0, 100) : value,
        });
      }
      return value;
    }),
  );
}

// The presets name accounts, roles and users; a session ARN changes with every session.
const PRESET_PRINCIPAL_KINDS: readonly string[] = ["root", "role", "user"];

/** `undefined` for an account root, role or user ARN; else why not. */
function presetPrincipalProblem(value: string): string | undefined {
  const principal = classifyPrincipalArn(value);
  if (!("kind" in principal)) return principal.message;
  return PRESET_PRINCIPAL_KINDS.includes(principal.kind)
    ? undefined
    : `principal ${JSON.stringify(value.slice(0, 100))} is a ${principal.kind} ARN: name the account (root), a role or a user`;
}

/** @internal 12-digit account ids and IAM root/role/user ARNs, de-duplicated and sorted. */
export function normalizePrincipals(
  list: readonly unknown[],
  kind: ResourcePolicyRuleKind,
): string[] {
  const path = `${kind}.principals`;
  requireNonEmpty(list, "invalid_principal", path, "principal");
  return sortedUnique(
    list.map((value, index) => {
      const at = `${path}[${index}]`;
      if (typeof value === "string" && isAccountId(value)) return value;
      const why = typeof value === "string" ? presetPrincipalProblem(value) : "it is not a string";
      if (why === undefined) return value as string;
      if (typeof value === "string" && /^[0-9]+$/.test(value)) {
        throw new PolicyError("invalid_account_id", `${at} is not a 12-digit account id`, {
          path: at,
          expected: "12 digits",
          actual: value.slice(0, 100),
        });
      }
      throw new PolicyError(
        "invalid_principal",
        `${at} is not an account id or IAM principal ARN: ${why}`,
        {
          path: at,
          expected:
            "a 12-digit account id, or arn:{partition}:iam::{account}:root | role/{name} | user/{name}",
          actual: typeof value === "string" ? value.slice(0, 100) : value,
        },
      );
    }),
  );
}

/** @internal */
export function makeRule(
  kind: ResourcePolicyRuleKind,
  values: readonly string[],
  resources: readonly string[],
): ResourcePolicyRule {
  return Object.freeze({
    kind,
    values: Object.freeze([...values]),
    resources: Object.freeze([...resources]),
  });
}
