import type { Partition } from "../arn/execute-api-arn.js";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import type { MethodAuthType } from "../gateway/api-gateway-access.js";

/** The API's IP address type. Private APIs are always `dualstack`. */
export type IpAddressType = "ipv4" | "dualstack";

/** Options of {@link lintResourcePolicy} shared by every endpoint type. */
export interface CommonLintOptions {
  /** The authorization types used by the API's methods (each method has one). */
  authTypes: readonly MethodAuthType[];
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
