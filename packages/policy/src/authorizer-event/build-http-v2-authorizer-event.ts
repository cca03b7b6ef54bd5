import type { AuthorizerEventRequest } from "./authorizer-event-request.js";
import type { HttpApiV2AuthorizerEvent } from "./http-api-v2-authorizer-event.js";
import {
  clfTime,
  copyMap,
  copyMulti,
  domainPrefix,
  joinedValues,
  lowerCaseNames,
  mergeHeaders,
  rawQueryString,
} from "./internal/event-parts.js";

/** The route-side fields of an HTTP API payload `2.0` authorizer event. */
export interface HttpV2AuthorizerEventRoute {
  /** The ARN of the invoked route (the concrete path, not the template). */
  routeArn: string;
  /** The matched route, e.g. `GET /pets/{id}` or `$default`. */
  routeKey: string;
  /** Left out of the event when empty. */
  pathParameters: Readonly<Record<string, string>>;
  /** Left out of the event when empty. */
  stageVariables: Readonly<Record<string, string>>;
  /**
   * The values of the authorizer's identity sources; `null` or `undefined` (left out) when none
   * are configured, as API Gateway sends both.
   */
  identitySource: readonly string[] | null | undefined;
  /** The request's cookies, one per entry; `cookies` is left out when `undefined`. */
  cookies?: readonly string[] | undefined;
}

/**
 * The event API Gateway sends an HTTP API Lambda authorizer with payload format `2.0`: lower-case
 * header names with repeated values joined with commas, `rawPath` with the stage prefix unless the
 * stage is `$default`, `rawQueryString`, repeated query keys joined with commas, and
 * `queryStringParameters`, `pathParameters` and `stageVariables` left out when empty. The client
 * certificate goes in `requestContext.authentication`; there is no `identity` block.
 *
 * @param request - the request as received (its `extendedRequestId` and IAM caller are not part of
 *   this event).
 * @param route - the route ARN and key, path parameters, stage variables, identity sources, cookies.
 * @returns the event.
 * @example
 * ```ts
 * declare const request: AuthorizerEventRequest; // the request as received
 * const event = buildHttpV2AuthorizerEvent(request, {
 *   routeArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/$default/GET/pets/7",
 *   routeKey: "GET /pets/{id}",
 *   pathParameters: { id: "7" },
 *   stageVariables: {},
 *   identitySource: ["Bearer abc"],
 * });
 * // event.rawPath === "/pets/7"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function buildHttpV2AuthorizerEvent(
  request: AuthorizerEventRequest,
  route: HttpV2AuthorizerEventRoute,
): HttpApiV2AuthorizerEvent {
  const rawPath = request.stage === "$default" ? request.path : `/${request.stage}${request.path}`;
  const multiQuery = copyMulti(request.query);
  const { identitySource, cookies, pathParameters, stageVariables } = route;
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: route.routeArn,
    ...(identitySource !== undefined
      ? { identitySource: identitySource === null ? null : [...identitySource] }
      : {}),
    routeKey: route.routeKey,
    rawPath,
    rawQueryString: rawQueryString(multiQuery),
    ...(cookies !== undefined ? { cookies: [...cookies] } : {}),
    headers: lowerCaseNames(joinedValues(mergeHeaders(request.headers))),
    ...(Object.keys(multiQuery).length > 0
      ? { queryStringParameters: joinedValues(multiQuery) }
      : {}),
    requestContext: {
      accountId: request.accountId,
      apiId: request.apiId,
      ...(request.clientCert !== undefined
        ? { authentication: { clientCert: request.clientCert } }
        : {}),
      domainName: request.domainName,
      domainPrefix: domainPrefix(request.domainName),
      http: {
        method: request.method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: request.sourceIp,
        userAgent: request.userAgent,
      },
      requestId: request.requestId,
      routeKey: route.routeKey,
      stage: request.stage,
      time: clfTime(request.timeEpoch),
      timeEpoch: request.timeEpoch,
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters: copyMap(pathParameters) } : {}),
    ...(Object.keys(stageVariables).length > 0 ? { stageVariables: copyMap(stageVariables) } : {}),
  };
}
