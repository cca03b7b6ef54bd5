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
 *   if (reason === "no_route") console.warn(`no route for ${record.method} ${record.path}`);
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export type GatewayDecisionReason =
  | GatewayAccessReason
  // Routing, before any authorization.
  /** No API is mounted at the path (404). */
  | "no_api"
  /** The API has no route for the method and path (HTTP API 404, REST 403 Missing Authentication Token). */
  | "no_route"
  /** The client address cannot be used as `aws:SourceIp`: refused (403) before any policy sees it. */
  | "invalid_source_ip"
  /** The method ARN of the request is over the ARN length limit (414). */
  | "invalid_method_arn"
  // Mutual TLS (`tls.truststore`), before routing: the `mtls_certificate_*` reasons of
  // `GatewayAccessReason` (`MutualTlsReason`), decided by the model's `decideMutualTls`.
  // AWS_IAM.
  /** The `credentials` resolver threw or answered an invalid credential (500). */
  | "credential_resolver_error"
  /** The verifier accepted the signature but its key names no configured caller (403). */
  | "unknown_credential"
  /** The SigV4 verifier refused the signature (403), by its rejection code. */
  | "sigv4_incomplete_signature"
  | "sigv4_unknown_access_key"
  | "sigv4_invalid_token"
  | "sigv4_signature_mismatch"
  | "sigv4_signature_expired"
  | "sigv4_wrong_scope"
  | "sigv4_presign_expired"
  // Lambda authorizers.
  /** An identity source the authorizer needs is missing, or fails its validation expression (401). */
  | "missing_identity_source"
  /** A simple-response authorizer answered `isAuthorized: false` (403). */
  | "authorizer_denied"
  /** The authorizer's answer is over the 8 KB result quota (500). */
  | "authorizer_response_too_large"
  /** The authorizer's answer cannot be serialised to JSON (500). */
  | "authorizer_response_not_serializable"
  /** A `Resource` of the authorizer's policy is longer than an ARN may be (500). */
  | "authorizer_resource_too_long"
  /** The authorizer's `context` uses a key the payload format reserves (500). */
  | "authorizer_context_reserved_key"
  // JWT authorizers (HTTP APIs).
  /** The JWT verifier refused the token: badly signed, expired, wrong issuer or audience (401). */
  | "jwt_invalid"
  /** The token is valid but has none of the route's authorization scopes (403). */
  | "insufficient_scope"
  // JWT authorizers (REST APIs); the model's `jwt_insufficient_scope` covers scopes (403).
  /** The token is not a JWT, or its `iss` names none of the authorizer's issuers (401). */
  | "jwt_unknown_issuer"
  /** The token's `alg` is not among the authorizer's `defaultAlgorithms` (401). */
  | "jwt_algorithm_not_allowed"
  /** The token's `aud` holds none of its issuer's audiences (401). */
  | "jwt_audience_mismatch"
  /** An additional claim of the issuer is missing (required), not a single string, or unexpected (401). */
  | "jwt_claim_mismatch"
  // Integration.
  /** The integration threw (REST 502, HTTP API and WebSocket 500). */
  | "integration_error"
  /** The integration's answer is not a proxy result API Gateway accepts (REST 502, others 500). */
  | "integration_malformed_response"
  /** A WebSocket `$connect` integration answered outside 2xx: the connection is refused. */
  | "connect_refused"
  /** An unexpected error in the gateway itself: fail closed, 500, the integration does not run. */
  | "gateway_error";
