/**
 * Mutual TLS in the access audit: the description's custom domain, each caller's certificate, and
 * the `mutualTls` option every probe carries.
 * @internal
 * @packageDocumentation
 */
import type { MutualTlsRequest } from "../../gateway/mutual-tls-access.js";
import type { AuditCaller } from "../api-access-description.js";

const FN = "auditApiAccess";
const STATES: readonly string[] = [
  "valid",
  "missing",
  "untrusted",
  "expired",
  "not_yet_valid",
  "unsupported",
];

/** @internal The description's `mutualTls`, checked. */
export function readAuditMutualTls(
  value: unknown,
  endpointType: string,
): { disableExecuteApiEndpoint: boolean } | undefined {
  if (value === undefined) return undefined;
  const record = value as { disableExecuteApiEndpoint?: unknown } | null;
  if (
    typeof value !== "object" ||
    record === null ||
    typeof record.disableExecuteApiEndpoint !== "boolean"
  ) {
    throw new TypeError(`${FN}: mutualTls must be { disableExecuteApiEndpoint: boolean }`);
  }
  if (endpointType === "PRIVATE") {
    throw new TypeError(
      `${FN}: mutual TLS needs a regional custom domain name: it is not available for PRIVATE APIs`,
    );
  }
  return { disableExecuteApiEndpoint: record.disableExecuteApiEndpoint };
}

/** @internal Checks a caller's `clientCertificate`. */
export function checkCallerCertificate(value: unknown, where: string): void {
  if (value !== undefined && (typeof value !== "string" || !STATES.includes(value))) {
    throw new TypeError(`${FN}: ${where}.clientCertificate must be one of ${STATES.join(", ")}`);
  }
}

/**
 * @internal The `mutualTls` option of `caller`'s probes. With the default endpoint enabled, the
 * caller's best way in is `execute-api`, which never asks for a certificate (the bypass).
 */
export function probeMutualTls(
  mutualTls: { disableExecuteApiEndpoint: boolean } | undefined,
  caller: AuditCaller,
): MutualTlsRequest | undefined {
  if (mutualTls === undefined) return undefined;
  return {
    clientCertificate: caller.clientCertificate ?? "valid",
    endpoint: mutualTls.disableExecuteApiEndpoint ? "custom-domain" : "execute-api",
  };
}

/** @internal Whether the custom domain refuses `caller`'s certificate (the API has mutual TLS). */
export function refusedByMutualTls(
  description: { mutualTls: { disableExecuteApiEndpoint: boolean } | undefined },
  caller: AuditCaller,
): boolean {
  return description.mutualTls !== undefined && (caller.clientCertificate ?? "valid") !== "valid";
}
