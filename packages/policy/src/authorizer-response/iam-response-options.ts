import type { AllowedRoutes } from "./allowed-routes.js";

/**
 * The options every IAM-policy authorizer response builder shares.
 *
 * @example
 * ```ts
 * const options: IamResponseOptions = {
 *   principalId: "user-42",
 *   allow: "stage",
 *   deny: ["ANY /admin/{proxy+}"],
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export interface IamResponseOptions {
  /** The caller's identity, as `$context.authorizer.principalId`. */
  principalId: string;
  /** What this principal may call; see {@link AllowedRoutes} for why it is stage-wide. */
  allow: AllowedRoutes;
  /**
   * Route templates to deny explicitly even where `allow` covers them (`"ANY /admin/{proxy+}"`).
   * A Deny wins over any Allow. Ignored when `allow` is empty (the whole stage is denied).
   */
  deny?: readonly string[] | undefined;
}
