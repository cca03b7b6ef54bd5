import { buildHttpV2AuthorizerEvent, type HttpApiV2AuthorizerEvent } from "@gatehouse/policy";
import type { HttpEventOptions } from "./event-options.js";
import {
  executeApiArn,
  extractPathParameters,
  mergeHeaders,
  methodPath,
  resolveContext,
  shortId,
  toMulti,
  traceId,
} from "./internal/event-parts.js";

/** Options of {@link httpApiV2Event}. */
export interface HttpApiV2EventOptions extends HttpEventOptions {
  /** Matched route (`GET /pets/{id}`, `$default`); its template fills `pathParameters`. @default `${method} ${path}` */
  routeKey?: string;
  /** Sent as `cookies` and as a `cookie` header; left out when not given. */
  cookies?: string[];
  /** `null` or a list; left out when not given and there is no `token`. @default [token] when `token` is set */
  identitySource?: string[] | null;
  /** @default built from region, account, API id, stage, method and path */
  routeArn?: string;
}

/**
 * An HTTP API authorizer event in payload format `2.0`: lower-case header names, repeated headers
 * and query keys joined with commas, `rawPath` with the stage prefix unless the stage is
 * `$default` (the default), and `cookies`, `queryStringParameters`, `pathParameters`,
 * `stageVariables` and `identitySource` left out when empty, as API Gateway does.
 *
 * @param options - request, caller and API overrides.
 * @returns the event API Gateway would send.
 * @example
 * ```ts
 * const event = httpApiV2Event({ routeKey: "GET /pets/{id}", path: "/pets/7", query: { tag: ["a", "b"] }, token: "Bearer abc" });
 * // event.queryStringParameters => { tag: "a,b" }; event.rawQueryString === "tag=a&tag=b"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function httpApiV2Event(options: HttpApiV2EventOptions = {}): HttpApiV2AuthorizerEvent {
  const context = resolveContext(options, "$default");
  const method = options.method ?? "GET";
  const path = options.path ?? "/pets";
  const routeKey = options.routeKey ?? `${method} ${path}`;
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
    options.cookies !== undefined ? { cookie: options.cookies.join("; ") } : undefined,
    options.headers,
  );
  const routeTemplate = routeKey.includes(" ") ? routeKey.slice(routeKey.indexOf(" ") + 1) : "";
  return buildHttpV2AuthorizerEvent(
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
    },
    {
      routeArn: options.routeArn ?? executeApiArn(context, methodPath(method, path)),
      routeKey,
      pathParameters:
        options.pathParameters ??
        (routeTemplate === "" ? {} : extractPathParameters(routeTemplate, path)),
      stageVariables: options.stageVariables ?? {},
      identitySource:
        options.identitySource !== undefined
          ? options.identitySource
          : options.token !== undefined
            ? [options.token]
            : undefined,
      cookies: options.cookies,
    },
  );
}
