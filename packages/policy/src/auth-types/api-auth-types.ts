import type { MethodAuthType } from "../gateway/api-gateway-access.js";

/**
 * A method's authorization type as API Gateway's model (`LAMBDA`) or CloudFormation / the REST
 * API (`CUSTOM`) spells a Lambda authorizer; both mean the same. `JWT` is a REST API JWT
 * authorizer; the composer and the linter treat it like `COGNITO_USER_POOLS` (a valid token still
 * needs an explicit Allow in the resource policy: the conservative reading, see
 * `jwtResourcePolicy`).
 */
export type MethodAuthTypeName = MethodAuthType | "CUSTOM";

/**
 * How the methods of a REST API are authorized, for {@link composeResourcePolicy} and
 * {@link lintResourcePolicy}. Either:
 *
 * - a list of the types the API's methods use (`["LAMBDA"]`): enough when every method needs the
 *   same thing from the resource policy;
 * - a map from route to type: keys are `"METHOD /path"` as API Gateway writes resources
 *   (`"GET /pets/{id}"`, `"OPTIONS /pets"`, `"ANY /admin/{proxy+}"`) or a bare resource path
 *   (`"/pets"`, every method of it); the key `"*"` gives the type of every method not listed.
 *
 * `NONE`, `COGNITO_USER_POOLS` and `JWT` methods need an Allow in the resource policy (API Gateway
 * requires an explicit Allow for them once the API has a resource policy; for REST JWT authorizers
 * AWS does not document it, so the conservative reading is modelled); `LAMBDA` and `AWS_IAM`
 * methods must not get an Anyone-Allow, which would override their authorizer's or IAM policy's
 * implicit deny (Table A).
 *
 * @example
 * ```ts
 * const authTypes: ApiAuthTypes = {
 *   "OPTIONS /pets": "NONE", // CORS preflight
 *   "OPTIONS /pets/{id}": "NONE",
 *   "*": "CUSTOM", // every other method: the Lambda authorizer
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export type ApiAuthTypes =
  | readonly MethodAuthTypeName[]
  | Readonly<Record<string, MethodAuthTypeName>>;
