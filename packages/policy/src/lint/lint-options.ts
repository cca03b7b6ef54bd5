import type { Partition } from "../arn/execute-api-arn.js";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import type { ApiAuthTypes } from "../auth-types/api-auth-types.js";
import type { LintRuleCode } from "./lint-finding.js";

/** The API's IP address type. Private APIs are always `dualstack`. */
export type IpAddressType = "ipv4" | "dualstack";

/** Options of {@link lintResourcePolicy} shared by every endpoint type. */
export interface CommonLintOptions {
  /**
   * How the API's methods are authorized: the types they use (`["LAMBDA"]`), or a map of route ->
   * type with `"*"` for the methods not listed ({@link ApiAuthTypes}; `CUSTOM` = `LAMBDA`). With a
   * map, `allow_overrides_authorizer` checks each Allow against the routes it reaches, so an Allow
   * scoped to the NONE methods is not reported.
   */
  authTypes: ApiAuthTypes;
  /**
   * The partition every ARN should use (`aws`, `aws-cn`, `aws-us-gov`, ... see `PARTITIONS`). Without it, ARNs are
   * only checked against each other.
   */
  partition?: Partition;
  /**
   * The API the policy is attached to. When given, the size check also measures the expanded
   * form API Gateway stores, and `partition` defaults to `target.partition`.
   */
  target?: ApiTarget;
  /**
   * Rules whose findings are accepted, each with the reason (required: a suppression without a
   * reason is a `TypeError`). Suppressed findings are still returned, marked `suppressed`, after
   * the others.
   */
  suppress?: readonly LintSuppression[];
  /**
   * Set when the API is served through a custom domain name with mutual TLS
   * (`MutualTlsAuthentication`): whether its default `execute-api` endpoint is disabled
   * (`DisableExecuteApiEndpoint`). Enabled, clients reach the API there without a certificate
   * (`mtls_default_endpoint_enabled`).
   */
  mutualTls?: MutualTlsLintOptions;
}

/**
 * What {@link lintResourcePolicy} must know of an API behind a mutual-TLS custom domain name.
 *
 * @example
 * ```ts
 * const mutualTls: MutualTlsLintOptions = { disableExecuteApiEndpoint: true };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export interface MutualTlsLintOptions {
  /** `DisableExecuteApiEndpoint` of the RestApi (or HTTP API). */
  disableExecuteApiEndpoint: boolean;
}

/**
 * One accepted rule of {@link lintResourcePolicy}: its findings are kept, marked as suppressed
 * with this reason, and no longer count as problems (the CLI's `--fail-on` ignores them).
 *
 * @example
 * ```ts
 * const suppression: LintSuppression = {
 *   code: "allow_overrides_authorizer",
 *   reason: "the authorizer returns an explicit Deny for every route it refuses",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export interface LintSuppression {
  code: LintRuleCode;
  /** Why the finding is acceptable here; shown next to the finding. */
  reason: string;
}

/**
 * Options of {@link lintResourcePolicy}: what the linter must know about the API.
 *
 * @example
 * ```ts
 * const options: LintResourcePolicyOptions = {
 *   endpointType: "REGIONAL",
 *   authTypes: ["LAMBDA"],
 *   ipAddressType: "dualstack",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html
 */
export type LintResourcePolicyOptions = CommonLintOptions &
  (
    | { endpointType: "REGIONAL" | "EDGE"; ipAddressType: IpAddressType }
    | {
        endpointType: "PRIVATE";
        /** Private APIs are always dual-stack. @default "dualstack" */
        ipAddressType?: "dualstack";
      }
  );
