/**
 * One request, normalised once, as every event built for it describes it: the authorizer event
 * and the integration event of a request come from the same input, so they agree on the request
 * ids, time, headers and query. The events themselves are built by `@gatehouse/policy`'s
 * `build*AuthorizerEvent` functions, the one home of their shapes.
 * @internal
 * @packageDocumentation
 */
import type { AuthorizerEventRequest } from "@gatehouse/policy";
import type { RequestScope } from "./request-scope.js";
import { extractPathParameters, splitPath } from "./route-pattern.js";

/** @internal The request as every event of it describes it (headers as received, no defaults). */
export type EventInput = AuthorizerEventRequest;

/**
 * @internal `requestContext.extendedRequestId`: 11 bytes of the request id (its per-gateway random
 * part and its counter) in base64, the shape API Gateway uses (`Zk9aQ1xYFiAEKxw=`). Unique per
 * request, like the request id, and no call into the random source per request.
 */
function extendedRequestIdOf(requestId: string): string {
  const hex = requestId.replace(/-/g, "");
  return Buffer.from(hex.slice(hex.length - 22), "hex").toString("base64");
}

/** @internal */
export function eventInput(scope: RequestScope): EventInput {
  scope.eventInput ??= {
    accountId: scope.gateway.accountId,
    apiId: scope.api.apiId,
    stage: scope.api.stage,
    domainName: scope.api.domainName,
    method: scope.request.method,
    path: scope.path,
    headers: scope.request.headers,
    query: scope.request.query,
    sourceIp: scope.request.sourceIp,
    userAgent: scope.request.userAgent,
    requestId: scope.requestId,
    extendedRequestId: extendedRequestIdOf(scope.requestId),
    timeEpoch: scope.now,
    ...(scope.request.clientCert !== undefined ? { clientCert: scope.request.clientCert } : {}),
  };
  return scope.eventInput;
}

/**
 * @internal Payload 2.0 lists cookies apart: the `cookie` header's values split into `cookies`,
 * and the header sent as those cookies joined with `; `.
 */
export function v2EventInput(scope: RequestScope): {
  input: EventInput;
  cookies: string[] | undefined;
} {
  const input = eventInput(scope);
  const cookie = scope.request.lowerHeaders["cookie"];
  if (cookie === undefined) return { input, cookies: undefined };
  const cookies = cookie.flatMap((value) => value.split(/;\s*/)).filter((item) => item !== "");
  const headers: Record<string, string[]> = { cookie: [cookies.join("; ")] };
  for (const [name, values] of Object.entries(input.headers)) {
    if (name.toLowerCase() !== "cookie") headers[name] = [...values];
  }
  return { input: { ...input, headers }, cookies };
}

/** @internal Each event gets its own copy: a handler may change its event. */
export function stageVariablesOf(scope: RequestScope): Record<string, string> {
  return { ...scope.api.stageVariables };
}

/**
 * @internal The matched route's path parameters, taken from the path the gateway decoded once, so
 * the factories do not decode them again (`%2541` is `%41`, as in AWS, not `A`). Each event gets
 * its own copy.
 */
export function pathParametersOf(scope: RequestScope): Record<string, string> {
  const { pattern } = scope.route;
  return pattern === null ? {} : extractPathParameters(pattern, splitPath(scope.path));
}

/** FNV-1a, 24 bits, as six hex digits: a stable id with API Gateway's shape (`q1w2e3`). */
function sixHex(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 8) & 0xffffff).toString(16).padStart(6, "0");
}

/** @internal `requestContext.resourceId`: stable per API and route template, as in AWS. */
export function resourceIdOf(scope: RequestScope): string {
  return sixHex(`${scope.api.apiId} ${scope.resource}`);
}

/** @internal `requestContext.deploymentId`: stable per API and stage. */
export function deploymentIdOf(scope: RequestScope): string {
  return sixHex(`${scope.api.apiId}/${scope.api.stage}`);
}
