/**
 * One request through the gateway: API and route, method ARN, authorization, integration.
 * Fails closed: any unexpected error is a 500 and the integration does not run.
 * @internal
 * @packageDocumentation
 */
import { randomBytes } from "node:crypto";
import { formatExecuteApiArn, isPolicyError } from "@gatehouse/policy";
import type { Authorization } from "../../authorization/internal/authorization.js";
import { authorizeRequest } from "../../authorization/internal/authorize-request.js";
import {
  apiKeyOf,
  checkApiKey,
  refuseApiKeyFirst,
} from "../../authorization/internal/check-api-key.js";
import type { GatewayDecisionRecord } from "../../config/gateway-config.js";
import type { GatewayDecisionReason } from "../../config/gateway-decision-reason.js";
import type { ApiType } from "../../config/internal/api-type.js";
import type { ResolvedApi } from "../../config/internal/resolved-api.js";
import {
  type GatewayReply,
  gatewayReply,
  publicMessage,
} from "../../http/internal/gateway-response.js";
import type { IncomingRequest } from "../../http/internal/incoming-request.js";
import {
  buildHttpV2ProxyEvent,
  buildRestProxyEvent,
  buildWebSocketConnectProxyEvent,
} from "../../integration/internal/build-proxy-event.js";
import { mapProxyResult } from "../../integration/internal/map-proxy-result.js";
import { type MeteredApiKey, withApiKey } from "../../integration/internal/with-api-key.js";
import { matchApi, matchRoute } from "../../routing/internal/match-route.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "./gateway-runtime.js";

/** @internal */
export interface ProcessedRequest {
  reply: GatewayReply;
  record: GatewayDecisionRecord;
  /** WebSocket only: the connection is accepted (answer 101 or 200). */
  accepted: boolean;
}

function integrationFailure(apiType: ApiType, requestId: string): GatewayReply {
  return apiType === "REST"
    ? gatewayReply(502, "Internal server error", null, requestId)
    : gatewayReply(500, "Internal Server Error", null, requestId);
}

function methodArn(
  runtime: GatewayRuntime,
  api: ResolvedApi,
  method: string,
  path: string,
): string {
  const { gateway } = runtime;
  const head = {
    form: "full" as const,
    partition: gateway.partition,
    region: gateway.region,
    accountId: gateway.accountId,
    apiId: api.apiId,
    stage: api.stage,
  };
  return api.type === "WEBSOCKET"
    ? formatExecuteApiArn({ ...head, routeKey: "$connect" })
    : formatExecuteApiArn({ ...head, method, path });
}

async function runIntegration(
  scope: RequestScope,
  authorization: Extract<Authorization, { allowed: true }>,
  apiKey: MeteredApiKey | undefined,
) {
  const { api, route } = scope;
  if (api.type === "WEBSOCKET") {
    if (api.connectHandler === undefined)
      return { status: 200, headers: {}, body: Buffer.alloc(0) };
    const result = await api.connectHandler(
      buildWebSocketConnectProxyEvent(scope, authorization.identity),
    );
    return mapProxyResult(result ?? { statusCode: 200 }, false);
  }
  const handler = route.handler as ((event: unknown) => unknown) | undefined;
  if (handler === undefined) return undefined;
  const v2 = api.type === "HTTP" && route.payloadFormatVersion === "2.0";
  const event = v2
    ? buildHttpV2ProxyEvent(scope, authorization.identity)
    : withApiKey(buildRestProxyEvent(scope, authorization.identity), apiKey);
  return mapProxyResult(await handler(event), v2);
}

/** @internal */
export async function processRequest(
  runtime: GatewayRuntime,
  request: IncomingRequest,
): Promise<ProcessedRequest> {
  const requestId = runtime.nextRequestId();
  const record: GatewayDecisionRecord = {
    api: "",
    method: request.method,
    path: request.path,
    route: null,
    status: 0,
    // Always set by done(); fail closed if it ever is not.
    reason: "gateway_error",
  };
  const done = (
    reply: GatewayReply,
    reason: GatewayDecisionReason,
    accepted = false,
  ): ProcessedRequest => {
    record.status = reply.status;
    record.reason = reason;
    return { reply, record, accepted };
  };
  const match = matchApi(runtime.gateway.apis, request.path);
  if (request.mutualTlsRefusal !== undefined) {
    // The custom domain refuses the client before any API, route or authorizer sees the request.
    // Status, message, x-amzn-ErrorType (none) and reason are the access model's (decideMutualTls).
    const { status, message, errorType, reason } = request.mutualTlsRefusal;
    record.api = match?.api.name ?? "";
    return done(gatewayReply(status, message, errorType, requestId), reason);
  }
  if (match === undefined) return done(gatewayReply(404, "Not Found", null, requestId), "no_api");
  const { api, path } = match;
  record.api = api.name;
  const route =
    api.type === "WEBSOCKET"
      ? path === "/" && request.method === "GET"
        ? api.routes[0]
        : undefined
      : matchRoute(api, request.method, path);
  if (route === undefined) {
    return api.type === "HTTP"
      ? done(gatewayReply(404, "Not Found", null, requestId), "no_route")
      : done(
          gatewayReply(
            403,
            "Missing Authentication Token",
            "MissingAuthenticationTokenException",
            requestId,
          ),
          "no_route",
        );
  }
  record.route = route.routeKey;
  if (request.sourceIpRefused) {
    // An unusable client address fails closed: no resource policy, authorizer or event sees it.
    return done(
      gatewayReply(403, publicMessage(api.type, 403, "Forbidden"), null, requestId),
      "invalid_source_ip",
    );
  }
  try {
    let arn: string;
    try {
      arn = methodArn(runtime, api, request.method, path);
    } catch (error) {
      if (isPolicyError(error)) {
        return done(
          gatewayReply(414, "Request-URI Too Long", null, requestId),
          "invalid_method_arn",
        );
      }
      throw error;
    }
    const scope: RequestScope = {
      gateway: runtime.gateway,
      api,
      route,
      request,
      path,
      resource: route.pattern?.template ?? route.routeKey,
      arn,
      now: runtime.gateway.now().getTime(),
      requestId,
      connectionId: api.type === "WEBSOCKET" ? randomBytes(10).toString("base64") : undefined,
    };
    // apiKeyCheck "before-authorization": a bad x-api-key is refused before any authorizer runs.
    const keyFirst = refuseApiKeyFirst(scope, runtime.usagePlans);
    if (keyFirst !== undefined) {
      if (keyFirst.apiKeyId !== undefined) record.apiKeyId = keyFirst.apiKeyId;
      return done(
        gatewayReply(keyFirst.status, keyFirst.message, keyFirst.errorType, requestId),
        "invalid_api_key",
      );
    }
    const authorization = await authorizeRequest(scope, runtime);
    if (authorization.authorizer !== undefined) {
      record.authorizer = authorization.authorizer;
      record.authorizerFromCache = authorization.fromCache === true;
    }
    if (!authorization.allowed) {
      const { status, message, errorType } = authorization;
      const reply = gatewayReply(
        status,
        publicMessage(api.type, status, message),
        errorType,
        requestId,
      );
      if (authorization.headers !== undefined) Object.assign(reply.headers, authorization.headers);
      return done(reply, authorization.reason);
    }
    let metered: MeteredApiKey | undefined;
    if (route.apiKeyRequired === true) {
      const usage = checkApiKey(scope, runtime.usagePlans, authorization.identity);
      if (usage.apiKeyId !== undefined) record.apiKeyId = usage.apiKeyId;
      if (usage.usagePlanId !== undefined) record.usagePlanId = usage.usagePlanId;
      if (usage.status !== 200) {
        return done(
          gatewayReply(usage.status, usage.message, usage.errorType, requestId),
          usage.reason === "allowed" ? "gateway_error" : usage.reason,
        );
      }
      const apiKey = apiKeyOf(scope, authorization.identity);
      if (apiKey !== undefined && usage.apiKeyId !== undefined) {
        metered = { apiKey, apiKeyId: usage.apiKeyId };
      }
    }
    let mapped: Omit<GatewayReply, never> | undefined;
    try {
      mapped = await runIntegration(scope, authorization, metered);
    } catch {
      // The handler's error is the user's; it may hold secrets, so it is not logged here.
      return done(integrationFailure(api.type, requestId), "integration_error");
    }
    if (mapped === undefined)
      return done(integrationFailure(api.type, requestId), "integration_malformed_response");
    const headers = {
      ...mapped.headers,
      "x-amzn-requestid": requestId,
      "apigw-requestid": requestId,
    };
    const accepted = api.type === "WEBSOCKET" && mapped.status >= 200 && mapped.status < 300;
    return done(
      { ...mapped, headers },
      accepted || api.type !== "WEBSOCKET" ? "allowed" : "connect_refused",
      accepted,
    );
  } catch {
    const status = 500;
    return done(
      gatewayReply(
        status,
        publicMessage(api.type, status, null),
        "AuthorizerConfigurationException",
        requestId,
      ),
      "gateway_error",
    );
  }
}
