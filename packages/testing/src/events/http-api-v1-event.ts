import { buildHttpV1AuthorizerEvent, type HttpApiV1AuthorizerEvent } from "@gatehouse/policy";
import type { HttpEventOptions, IamIdentityOptions } from "./event-options.js";
import {
  executeApiArn,
  extractPathParameters,
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
  const headers = mergeHeaders(
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
  );
  return buildHttpV1AuthorizerEvent(
    {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      method,
      path,
      headers,
      query: toMulti(options.query),
      sourceIp: context.sourceIp,
      userAgent: context.userAgent,
      requestId: options.requestId ?? shortId(),
      extendedRequestId: shortId(),
      timeEpoch: context.now,
      clientCert: options.clientCert,
      iamIdentity: options.iamIdentity,
    },
    {
      methodArn: options.methodArn ?? executeApiArn(context, methodPath(method, path)),
      resource,
      pathParameters: options.pathParameters ?? extractPathParameters(resource, path),
      stageVariables: options.stageVariables ?? {},
      identitySource:
        options.identitySource ?? (options.token !== undefined ? [options.token] : []),
      resourceId: resourceId(),
    },
  );
}
