import type { GatewayAccessReason } from "@gatehouse/policy";

/**
 * Why the local gateway answered a request as it did: the `reason` of a {@link GatewayDecisionRecord}.
 * API Gateway's access model (`GatewayAccessReason` of `@gatehouse/policy`) decides every request that
 * reaches a policy; the gateway adds the reasons decided before or around it (no API or route, an
 * unusable client address, a SigV4 refusal, an authorizer's answer it refuses, the integration's
 * failure). Stable: switch on it, log it.
 *
 * @example
 * ```ts
 * const onDecision = (record: GatewayDecisionRecord) => {
 *   const reason: GatewayDecisionReason = record.reason;
 *   if (reason === "no-route") console.warn(`no route for ${record.method} ${record.path}`);
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export type GatewayDecisionReason =
  | GatewayAccessReason
  // Routing, before any authorization.
  /** No API is mounted at the path (404). */
  | "no-api"
  /** The API has no route for the method and path (HTTP API 404, REST 403 Missing Authentication Token). */
  | "no-route"
  /** The client address cannot be used as `aws:SourceIp`: refused (403) before any policy sees it. */
  | "invalid-source-ip"
  /** The method ARN of the request is over the ARN length limit (414). */
  | "invalid-method-arn"
  // AWS_IAM.
  /** The `credentials` resolver threw or answered an invalid credential (500). */
  | "credential-resolver-error"
  /** The verifier accepted the signature but its key names no configured caller (403). */
  | "unknown-credential"
  /** The SigV4 verifier refused the signature (403), by its rejection code. */
  | "sigv4-incomplete_signature"
  | "sigv4-unknown_access_key"
  | "sigv4-invalid_token"
  | "sigv4-signature_mismatch"
  | "sigv4-signature_expired"
  | "sigv4-wrong_scope"
  | "sigv4-presign_expired"
  // Lambda authorizers.
  /** An identity source the authorizer needs is missing, or fails its validation expression (401). */
  | "missing-identity-source"
  /** A simple-response authorizer answered `isAuthorized: false` (403). */
  | "authorizer-denied"
  /** The authorizer's answer is over the 8 KB result quota (500). */
  | "authorizer-response-too-large"
  /** The authorizer's answer cannot be serialised to JSON (500). */
  | "authorizer-response-not-serializable"
  /** A `Resource` of the authorizer's policy is longer than an ARN may be (500). */
  | "authorizer-resource-too-long"
  /** The authorizer's `context` uses a key the payload format reserves (500). */
  | "authorizer-context-reserved-key"
  // JWT authorizers (HTTP APIs).
  /** The JWT verifier refused the token: badly signed, expired, wrong issuer or audience (401). */
  | "jwt-invalid"
  /** The token is valid but has none of the route's authorization scopes (403). */
  | "insufficient-scope"
  // Integration.
  /** The integration threw (REST 502, HTTP API and WebSocket 500). */
  | "integration-error"
  /** The integration's answer is not a proxy result API Gateway accepts (REST 502, others 500). */
  | "integration-malformed-response"
  /** A WebSocket `$connect` integration answered outside 2xx: the connection is refused. */
  | "connect-refused"
  /** An unexpected error in the gateway itself: fail closed, 500, the integration does not run. */
  | "gateway-error";
