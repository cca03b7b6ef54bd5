/**
 * A request validated and normalised once, plus what the compiled statements derive from it on
 * first need (the short resource form, the caller's role session, parsed source addresses), so that
 * no statement repeats work another one already did.
 *
 * @internal
 * @packageDocumentation
 */

import { shortenResourceArn } from "../../arn/shorten-resource-arn.js";
import type { IpAddressBytes } from "../../cidr/ip-address.js";
import { readIpAddress } from "../../cidr/ip-address.js";
import { PolicyError } from "../../errors.js";
import { classifyPrincipalArn } from "../../identifiers/principal-arn.js";
import type { NormalizedContext } from "./policy-variables.js";

/** The caller as the evaluator sees it (mirrors `RequestPrincipal`). @internal */
export type Caller =
  | "anonymous"
  | { readonly arn: string; readonly accountId: string }
  | { readonly federated: string };

/** @internal */
export interface RequestState {
  readonly action: string;
  /** `action` lower-cased once, for the case-insensitive action patterns. */
  readonly foldedAction: string;
  readonly resource: string;
  readonly caller: Caller;
  readonly context: NormalizedContext;
  /** The request resource in `execute-api:/...` form, computed on first need. */
  shortResource: string | null | undefined;
  /** `[partition, account, role]` of an assumed-role caller, `null` for any other caller. */
  session: readonly [string, string, string] | null | undefined;
  /** Condition values read as IP addresses (`null`: refused), on first need. */
  addresses: Map<string, IpAddressBytes | null> | undefined;
}

function invalidRequest(path: string, message: string, actual: unknown): PolicyError {
  return new PolicyError("invalid_request", `${path}: ${message}`, { path, actual });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates a request and lower-cases its context keys.
 * @throws PolicyError `invalid_request`.
 * @internal
 */
export function prepareRequest(request: unknown): RequestState {
  if (!isRecord(request)) throw invalidRequest("request", "must be an object", typeof request);
  const { action, resource, principal, context } = request;
  if (typeof action !== "string")
    throw invalidRequest("request.action", "must be a string", action);
  if (typeof resource !== "string") {
    throw invalidRequest("request.resource", "must be a string", resource);
  }
  let caller: Caller = "anonymous";
  if (principal !== undefined && principal !== "anonymous") {
    const { arn, accountId, federated } = isRecord(principal) ? principal : {};
    if (typeof federated === "string" && federated !== "" && arn === undefined) {
      caller = { federated };
    } else if (typeof arn !== "string" || typeof accountId !== "string") {
      throw invalidRequest(
        "request.principal",
        'must be "anonymous", { arn: string; accountId: string } or { federated: string }',
        principal,
      );
    } else {
      caller = { arn, accountId };
    }
  }
  const normalized = new Map<string, string | readonly string[]>();
  if (context !== undefined) {
    if (!isRecord(context)) throw invalidRequest("request.context", "must be an object", context);
    for (const key of Object.keys(context)) {
      const value = context[key];
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        // forEach skips the holes of a sparse array, as the evaluation's `some`/`every` do.
        value.forEach((item: unknown, index) => {
          if (typeof item !== "string") {
            throw invalidRequest(`request.context.${key}[${index}]`, "must be a string", item);
          }
        });
      } else if (typeof value !== "string") {
        throw invalidRequest(
          `request.context.${key}`,
          "must be a string or an array of strings",
          value,
        );
      }
      const lower = key.toLowerCase();
      // Two spellings of one key: the first one wins, deterministically.
      if (!normalized.has(lower)) normalized.set(lower, value as string | readonly string[]);
    }
  }
  return {
    action,
    foldedAction: action.toLowerCase(),
    resource,
    caller,
    context: normalized,
    shortResource: undefined,
    session: undefined,
    addresses: undefined,
  };
}

const shortForms = new Map<string, string | null>();

/** The request resource as `execute-api:/...`, `null` when it is not an execute-api ARN. @internal */
export function shortResourceOf(request: RequestState): string | null {
  if (request.shortResource !== undefined) return request.shortResource;
  let short = shortForms.get(request.resource);
  if (short === undefined) {
    try {
      const shortened = shortenResourceArn(request.resource);
      short = shortened.startsWith("execute-api:/") ? shortened : null;
    } catch {
      short = null;
    }
    // Method ARNs repeat across requests; a bounded memo keeps the ARN parser off the hot path.
    if (shortForms.size >= 1024) shortForms.clear();
    shortForms.set(request.resource, short);
  }
  request.shortResource = short;
  return short;
}

/** The partition, account and role name of an assumed-role caller (`null` otherwise). @internal */
export function sessionOf(request: RequestState): readonly [string, string, string] | null {
  if (request.session !== undefined) return request.session;
  const { caller } = request;
  const principal =
    caller === "anonymous" || !("arn" in caller) ? undefined : classifyPrincipalArn(caller.arn);
  const session =
    principal !== undefined && "kind" in principal && principal.kind === "assumed-role"
      ? ([principal.partition, principal.accountId, principal.roleName] as const)
      : null;
  request.session = session;
  return session;
}

/**
 * A context value read as an IP address once per request, normalised as `normalizeIpAddress`
 * reads it (`::ffff:a.b.c.d` is IPv4); `undefined`: refused (not an address, or ambiguous).
 * @internal
 */
export function addressOf(request: RequestState, text: string): IpAddressBytes | undefined {
  request.addresses ??= new Map();
  let parsed = request.addresses.get(text);
  if (parsed === undefined) {
    const read = readIpAddress(text);
    parsed = typeof read === "string" ? null : read;
    request.addresses.set(text, parsed);
  }
  return parsed ?? undefined;
}
