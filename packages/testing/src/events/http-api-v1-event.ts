import type { HttpApiV1AuthorizerEvent } from "@gatehouse/policy";
import type { HttpEventOptions, IamIdentityOptions } from "./event-options.js";
import {
  clfTime,
  executeApiArn,
  extractPathParameters,
  iamIdentityFields,
  joinedValues,
  lastValues,
  lowerCaseNames,
  mergeHeaders,
  methodPath,
  resolveContext,
  resourceId,
  shortId,
  toMulti,
  traceId,
} from "./internal/event-parts.js";

/** Options of {@link httpApiV1Event}. */
export interface HttpApiV1EventOptions extends HttpEventOptions {
  /** Route template (`/pets/{id}`); fills `resource`, `resourcePath` and `pathParameters`. @default path */
  resource?: string;
  /** Values of the configured identity sources, joined with commas into `identitySource` and `authorizationToken`. @default [token] when `token` is set, else [] */
  identitySource?: string[];
  /** @default built from region, account, API id, stage, method and path */
  methodArn?: string;
  /** The signed caller of an `AWS_IAM` route, in `requestContext.identity` (with the other caller fields `null`). @default left out */
  iamIdentity?: IamIdentityOptions;
}

/**
 * An HTTP API authorizer event in payload format `1.0`: REST-like, with lower-case header names,
 * no multi-value maps, and `identitySource` / `authorizationToken` holding the identity-source
 * values joined with commas. The stage defaults to `$default`.
 *
 * @param options - request, caller and API overrides.
 * @returns the event API Gateway would send.
 * @example
 * ```ts
 * const event = httpApiV1Event({ identitySource: ["Bearer abc", "tenant-1"] });
 * // event.identitySource === "Bearer abc,tenant-1"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function httpApiV1Event(options: HttpApiV1EventOptions = {}): HttpApiV1AuthorizerEvent {
  const context = resolveContext(options, "$default");
  const method = options.method ?? "GET";
  const path = options.path ?? "/pets";
  const resource = options.resource ?? path;
  const headers = lowerCaseNames(
    mergeHeaders(
      options.defaultHeaders === false
        ? undefined
        : {
            accept: "*/*",
            "accept-encoding": "gzip, deflate, br",
            "content-length": "0",
            host: context.domainName,
            "user-agent": context.userAgent,
            "x-amzn-trace-id": traceId(context.now),
            "x-forwarded-for": context.sourceIp,
            "x-forwarded-port": "443",
            "x-forwarded-proto": "https",
          },
      options.token !== undefined ? { authorization: options.token } : undefined,
      options.headers,
    ),
  );
  const identitySource = (
    options.identitySource ?? (options.token !== undefined ? [options.token] : [])
  ).join(",");

  return {
    version: "1.0",
    type: "REQUEST",
    methodArn: options.methodArn ?? executeApiArn(context, methodPath(method, path)),
    identitySource,
    authorizationToken: identitySource,
    resource,
    path,
    httpMethod: method,
    headers: joinedValues(headers),
    queryStringParameters: lastValues(toMulti(options.query)),
    pathParameters: options.pathParameters ?? extractPathParameters(resource, path),
    stageVariables: options.stageVariables ?? {},
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      domainName: context.domainName,
      domainPrefix: context.domainPrefix,
      extendedRequestId: shortId(),
      httpMethod: method,
      identity: {
        sourceIp: context.sourceIp,
        userAgent: context.userAgent,
        ...iamIdentityFields(options.iamIdentity),
        ...(options.clientCert !== undefined ? { clientCert: options.clientCert } : {}),
      },
      path: context.stage === "$default" ? path : `/${context.stage}${path}`,
      protocol: "HTTP/1.1",
      requestId: options.requestId ?? shortId(),
      requestTime: clfTime(context.now),
      requestTimeEpoch: context.now,
      resourceId: resourceId(),
      resourcePath: resource,
      stage: context.stage,
    },
  };
}
