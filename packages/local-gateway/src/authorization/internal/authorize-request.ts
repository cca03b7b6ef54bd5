/**
 * The authorization layer for one matched request: dispatches on the route's auth type to SigV4 +
 * IAM, Lambda authorizers (two-phase rule, API Gateway's result cache) or JWT / Cognito. Every
 * decision on policies is made by `@gatehouse/policy`'s gateway model.
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess } from "@gatehouse/policy";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "../../server/internal/gateway-runtime.js";
import { type Authorization, fromModel } from "./authorization.js";
import { authorizeIam } from "./authorize-iam.js";
import { authorizeJwt } from "./authorize-jwt.js";
import { authorizeLambda } from "./authorize-lambda.js";
import { authorizeRestJwt } from "./authorize-rest-jwt.js";
import { modelBase } from "./model-base.js";

/** @internal Runs the route's authorization; never throws for a caller's input. */
export async function authorizeRequest(
  scope: RequestScope,
  runtime: GatewayRuntime,
): Promise<Authorization> {
  const { auth } = scope.route;
  switch (auth.kind) {
    case "NONE": {
      const result = await evaluateApiGatewayAccess({ ...modelBase(scope), authType: "NONE" });
      return fromModel(result, { kind: "none" });
    }
    case "AWS_IAM":
      return authorizeIam(scope);
    case "authorizer":
      if (auth.authorizer.kind === "rest-jwt") {
        return authorizeRestJwt(scope, runtime, auth.authorizer, auth.scopes);
      }
      return auth.authorizer.kind === "lambda"
        ? authorizeLambda(scope, runtime, auth.authorizer)
        : authorizeJwt(scope, runtime, auth.authorizer, auth.scopes);
  }
}
