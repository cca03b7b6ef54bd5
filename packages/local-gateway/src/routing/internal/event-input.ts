/**
 * One request, normalised once, as every event built for it describes it: the authorizer event
 * and the integration event of a request come from the same input, so they agree on the request
 * id, time, headers and query.
 * @internal
 * @packageDocumentation
 */
import type { RequestScope } from "./request-scope.js";
import { extractPathParameters, splitPath } from "./route-pattern.js";

/** @internal The factory options shared by all events of one request. */
export interface EventInput {
  region: string;
  accountId: string;
  apiId: string;
  stage: string;
  domainName: string;
  sourceIp: string;
  userAgent: string;
  requestId: string;
  now: number;
  method: string;
  path: string;
  /** The request's headers as received (names in the client's case); no invented defaults. */
  defaultHeaders: false;
  headers: Record<string, string[]>;
  query: Record<string, string[]>;
}

/** @internal Payload 2.0 lists cookies apart; its factory rebuilds the `cookie` header from them. */
export interface V2EventInput extends EventInput {
  cookies?: string[];
}

/** @internal */
export function eventInput(scope: RequestScope): EventInput {
  scope.eventInput ??= {
    region: scope.gateway.region,
    accountId: scope.gateway.accountId,
    apiId: scope.api.apiId,
    stage: scope.api.stage,
    domainName: scope.api.domainName,
    sourceIp: scope.request.sourceIp,
    userAgent: scope.request.userAgent,
    requestId: scope.requestId,
    now: scope.now,
    method: scope.request.method,
    path: scope.path,
    defaultHeaders: false,
    headers: scope.request.headers,
    query: scope.request.query,
  };
  return scope.eventInput;
}

/** @internal */
export function v2EventInput(scope: RequestScope): V2EventInput {
  const input = eventInput(scope);
  const cookie = scope.request.lowerHeaders["cookie"];
  if (cookie === undefined) return input;
  const headers = Object.fromEntries(
    Object.entries(input.headers).filter(([name]) => name.toLowerCase() !== "cookie"),
  );
  const cookies = cookie.flatMap((value) => value.split(/;\s*/)).filter((item) => item !== "");
  return { ...input, headers, cookies };
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
