/**
 * A part of the request that an `authorize` hook or a `resolveIssuer` may base its decision on,
 * declared in `cacheInputs` so that it joins the decision cache key: a cached decision is then
 * reused only for requests whose declared inputs are equal. Read each one through the request
 * object (`request.sourceIp`, `request.header("x-tenant")`, ...); reading anything undeclared
 * (`request.event` included) makes that decision uncacheable.
 *
 * - `"sourceIp"`: the client address (`request.sourceIp`);
 * - `"route"`: the route (`request.route`: `routeKey`, `METHOD /resource`, `$connect`);
 * - `"arn"`: the method or route ARN (`request.arn`: method and concrete path);
 * - `"stageVariables"`: all stage variables (`request.stageVariables`);
 * - `{ header: name }`: one header, name case-insensitive (`request.header(name)`);
 * - `{ query: name }`: one query-string parameter, name case-sensitive (`request.query(name)`).
 *
 * API Gateway's own authorizer cache keys on the authorizer's identity sources only: add every
 * declared input to them (REQUEST authorizers) or set the authorizer's TTL to 0.
 *
 * @example
 * ```ts
 * const inputs: DecisionInput[] = ["sourceIp", { header: "x-tenant" }];
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/configure-api-gateway-lambda-authorization-with-console.html
 */
export type DecisionInput =
  | "sourceIp"
  | "route"
  | "arn"
  | "stageVariables"
  | { readonly header: string }
  | { readonly query: string };
