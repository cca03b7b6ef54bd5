import { buildRestTokenAuthorizerEvent, type RestTokenAuthorizerEvent } from "@gatehouse/policy";
import type { EventOptions } from "./event-options.js";
import { executeApiArn, methodPath, resolveContext } from "./internal/event-parts.js";

/** Options of {@link restTokenEvent}. */
export interface RestTokenEventOptions extends EventOptions {
  /** `authorizationToken`: the raw identity-source header value (include any `Bearer ` prefix). */
  token: string;
  /** @default "GET" */
  method?: string;
  /** Request path without the stage. @default "/pets" */
  path?: string;
  /** @default built from region, account, API id, stage, method and path */
  methodArn?: string;
}

/**
 * A REST API `TOKEN` authorizer event.
 *
 * @param options - the token and, optionally, where the request goes.
 * @returns the event API Gateway would send.
 * @example
 * ```ts
 * const event = restTokenEvent({ token: `Bearer ${await issuer.mintAccessToken()}`, method: "POST", path: "/orders" });
 * // event.methodArn === "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/orders"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export function restTokenEvent(options: RestTokenEventOptions): RestTokenAuthorizerEvent {
  const context = resolveContext(options, "prod");
  return buildRestTokenAuthorizerEvent({
    methodArn:
      options.methodArn ??
      executeApiArn(context, methodPath(options.method ?? "GET", options.path ?? "/pets")),
    token: options.token,
  });
}
