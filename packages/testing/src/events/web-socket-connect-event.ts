import {
  buildWebSocketConnectAuthorizerEvent,
  type ClientCertificate,
  type WebSocketConnectAuthorizerEvent,
} from "@gatehouse/policy";
import type { EventOptions, IamIdentityOptions, MultiValueMap } from "./event-options.js";
import {
  executeApiArn,
  mergeHeaders,
  resolveContext,
  shortId,
  toMulti,
  traceId,
  webSocketKey,
} from "./internal/event-parts.js";

/** Options of {@link webSocketConnectEvent}. */
export interface WebSocketConnectEventOptions extends EventOptions {
  /** Headers merged over the handshake defaults; names match case-insensitively. */
  headers?: MultiValueMap;
  /**
   * Add the handshake's default headers (`Host`, `Sec-WebSocket-*`, `X-Forwarded-*`,
   * `X-Amzn-Trace-Id`) under `headers`. `false` sends `headers` as given (plus
   * `Sec-WebSocket-Protocol` from `protocols`), as for a real request's headers.
   * @default true
   */
  defaultHeaders?: boolean;
  /** Query of the `wss://` URL (where browser clients put tokens); left out when not given. */
  query?: MultiValueMap;
  /** Sent as the `Sec-WebSocket-Protocol` header, joined with `", "`. */
  protocols?: string[];
  /** @default a random id like `ZhQ6ed9CjoECEjw=` */
  connectionId?: string;
  /** @default built from region, account, API id and stage, ending in `/$connect` */
  methodArn?: string;
  /** Mutual-TLS client certificate of the caller. */
  clientCert?: ClientCertificate;
  /** The signed caller of an `AWS_IAM` `$connect` route, in `requestContext.identity` (with the other caller fields `null`). @default left out */
  iamIdentity?: IamIdentityOptions;
}

/**
 * A WebSocket API `$connect` REQUEST authorizer event: `methodArn` ends in `/{stage}/$connect`
 * (no HTTP verb), headers in both single- and multi-value form, and a request context with
 * `eventType: "CONNECT"`, `routeKey: "$connect"`, `messageDirection: "IN"` and a `connectionId`.
 *
 * @param options - handshake, caller and API overrides.
 * @returns the event API Gateway would send.
 * @example
 * ```ts
 * const event = webSocketConnectEvent({ query: { token: await issuer.mintAccessToken() } });
 * // event.methodArn === "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/$connect"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
export function webSocketConnectEvent(
  options: WebSocketConnectEventOptions = {},
): WebSocketConnectAuthorizerEvent {
  const context = resolveContext(options, "prod");
  const multiValueHeaders = mergeHeaders(
    options.defaultHeaders === false
      ? undefined
      : {
          Host: context.domainName,
          "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
          "Sec-WebSocket-Key": webSocketKey(),
          "Sec-WebSocket-Version": "13",
          "X-Amzn-Trace-Id": traceId(context.now),
          "X-Forwarded-For": context.sourceIp,
          "X-Forwarded-Port": "443",
          "X-Forwarded-Proto": "https",
        },
    options.protocols !== undefined
      ? { "Sec-WebSocket-Protocol": options.protocols.join(", ") }
      : undefined,
    options.headers,
  );
  return buildWebSocketConnectAuthorizerEvent(
    {
      accountId: context.accountId,
      apiId: context.apiId,
      stage: context.stage,
      domainName: context.domainName,
      method: "GET",
      path: "/",
      headers: multiValueHeaders,
      query: options.query === undefined ? undefined : toMulti(options.query),
      sourceIp: context.sourceIp,
      userAgent: context.userAgent,
      requestId: options.requestId ?? shortId(),
      extendedRequestId: shortId(),
      timeEpoch: context.now,
      clientCert: options.clientCert,
      iamIdentity: options.iamIdentity,
    },
    {
      methodArn: options.methodArn ?? executeApiArn(context, "$connect"),
      stageVariables: options.stageVariables ?? {},
      connectionId: options.connectionId ?? shortId(),
    },
  );
}
