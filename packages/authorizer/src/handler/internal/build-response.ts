import {
  type AllowedRoutes,
  buildDenyAllAuthorizerResponse,
  buildHttpV1AuthorizerResponse,
  buildHttpV2IamAuthorizerResponse,
  buildHttpV2SimpleAuthorizerResponse,
  buildRestAuthorizerResponse,
  buildWebSocketAuthorizerResponse,
  evaluatePolicy,
  type IamAuthorizerResponse,
} from "@gatehouse/policy";
import type { AuthorizerResponse } from "../authorizer-options.js";
import type { RecognisedEvent } from "./recognise-event.js";

/** @internal */
export interface ResponseSettings {
  simpleResponses: boolean;
  nestedContext: "reject" | "json-string";
}

/** @internal */
export interface ResponseInput {
  principalId: string;
  allow: AllowedRoutes;
  context: Record<string, unknown> | undefined;
  usageIdentifierKey: string | undefined;
}

function covers(response: IamAuthorizerResponse<Record<string, unknown>>, arn: string): boolean {
  const result = evaluatePolicy(response.policyDocument, {
    action: "execute-api:Invoke",
    resource: arn,
  });
  return result.decision === "allow";
}

function iamResponse(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): IamAuthorizerResponse<Record<string, unknown>> {
  const common = { principalId: input.principalId, allow: input.allow };
  const flat = {
    ...common,
    methodArn: event.arn,
    ...(input.context === undefined ? {} : { context: input.context }),
    nestedContext: settings.nestedContext,
  } as const;
  const key =
    input.usageIdentifierKey === undefined ? {} : { usageIdentifierKey: input.usageIdentifierKey };
  switch (event.shape) {
    case "rest-token":
    case "rest-request":
      return buildRestAuthorizerResponse({ ...flat, ...key } as Parameters<
        typeof buildRestAuthorizerResponse
      >[0]);
    case "websocket-connect":
      return buildWebSocketAuthorizerResponse({ ...flat, ...key } as Parameters<
        typeof buildWebSocketAuthorizerResponse
      >[0]);
    case "http-v1":
      // usageIdentifierKey is passed on so that the builder refuses it (HTTP APIs have no API keys).
      return buildHttpV1AuthorizerResponse({ ...flat, ...key } as Parameters<
        typeof buildHttpV1AuthorizerResponse
      >[0]);
    case "http-v2":
      return buildHttpV2IamAuthorizerResponse({
        ...common,
        routeArn: event.arn,
        ...(input.context === undefined ? {} : { context: input.context }),
        ...key,
      } as Parameters<typeof buildHttpV2IamAuthorizerResponse>[0]);
  }
}

/**
 * Builds the response for a decision with `@gatehouse/policy`'s builders, and tells whether it
 * lets the current request through (by evaluating the policy on the request's ARN, as API Gateway
 * does).
 * @throws whatever the builders throw (`PolicyError`, `TypeError`).
 * @internal
 */
export function buildDecisionResponse(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): { response: AuthorizerResponse; allowed: boolean } {
  const iam = iamResponse(event, input, settings);
  const allowed = covers(iam, event.arn);
  if (event.shape === "http-v2" && settings.simpleResponses) {
    const response = buildHttpV2SimpleAuthorizerResponse({
      isAuthorized: allowed,
      ...(input.context === undefined ? {} : { context: input.context }),
    });
    return { response, allowed };
  }
  return { response: iam, allowed };
}

/**
 * The answer for "no" without a decision (invalid token, internal error in "deny" mode): a Deny
 * of the whole stage, or `{ isAuthorized: false }` with simple responses.
 * @internal
 */
export function buildRefusal(
  event: RecognisedEvent,
  settings: ResponseSettings,
): AuthorizerResponse {
  if (event.shape === "http-v2" && settings.simpleResponses) {
    return buildHttpV2SimpleAuthorizerResponse({ isAuthorized: false });
  }
  return buildDenyAllAuthorizerResponse({ arn: event.arn, principalId: "anonymous" });
}
