/**
 * The outcome of the authorization layer: who the integration sees as the caller, or the refusal
 * API Gateway answers with, and how an outcome is built from the gateway model's result.
 * @internal
 * @packageDocumentation
 */
import type { ApiGatewayAccessResult } from "@gatehouse/policy";
import type { GatewayDecisionReason } from "../../config/gateway-decision-reason.js";
import type { ResolvedCredential } from "./iam-credentials.js";

/** @internal Who the integration sees as the caller. */
export type IntegrationIdentity =
  | { kind: "none" }
  | { kind: "iam"; credential: ResolvedCredential }
  | {
      kind: "lambda";
      principalId: string | undefined;
      context: unknown;
      /** The authorizer's `usageIdentifierKey` (API key source `AUTHORIZER`). */
      usageIdentifierKey?: string | undefined;
    }
  | { kind: "jwt"; claims: Record<string, unknown>; scopes: readonly string[] };

/** @internal What every authorization outcome carries. */
export interface AuthorizationBase {
  /** A stable reason code (the gateway model's, or this layer's own). */
  reason: GatewayDecisionReason;
  authorizer?: string;
  fromCache?: boolean;
}

/** @internal */
export type Authorization =
  | (AuthorizationBase & { allowed: true; identity: IntegrationIdentity })
  | (AuthorizationBase & {
      allowed: false;
      status: number;
      message: string | null;
      errorType: string | null;
      /** Extra response headers, e.g. an HTTP API JWT refusal's `www-authenticate`. */
      headers?: Readonly<Record<string, string>>;
    });

/** @internal A refusal with API Gateway's status, message and error type. */
export function refuse(
  status: number,
  message: string | null,
  errorType: string | null,
  reason: GatewayDecisionReason,
  extra: Partial<AuthorizationBase> & { headers?: Readonly<Record<string, string>> } = {},
): Authorization {
  return { allowed: false, status, message, errorType, reason, ...extra };
}

/** @internal An outcome from the gateway model's result. */
export function fromModel(
  result: ApiGatewayAccessResult,
  identity: IntegrationIdentity,
  extra: Partial<AuthorizationBase> & { headers?: Readonly<Record<string, string>> } = {},
): Authorization {
  if (result.status === 200) return { allowed: true, identity, reason: result.reason, ...extra };
  return refuse(result.status, result.message, result.errorType, result.reason, extra);
}
