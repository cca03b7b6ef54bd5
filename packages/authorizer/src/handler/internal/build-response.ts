import {
  type AllowedRoutes,
  compileWildcard,
  copyAuthorizerResponse,
  createAuthorizerResponseBuilder,
  type HttpV1AuthorizerResponseOptions,
  type HttpV2IamAuthorizerResponseOptions,
  type IamAuthorizerResponse,
  type IamAuthorizerStatement,
  type RestAuthorizerResponseOptions,
  type RouteTableGrant,
  type SimpleAuthorizerResponse,
  type WebSocketAuthorizerResponseOptions,
} from "@gatehouse/policy";
import type { AuthorizerResponse } from "../authorizer-options.js";
import type { RecognisedEvent } from "./recognise-event.js";
import { type RouteTables, reportOutside } from "./route-tables.js";
import { restoreSentIds } from "./unusual-arn.js";

/** @internal */
export interface ResponseSettings {
  simpleResponses: boolean;
  nestedContext: "reject" | "json-string";
  /**
   * The handler's route tables: a list of templates becomes the table's exact grant (Allow and
   * Deny), and simple responses decide on the event's route key. Without them, templates go to
   * the builders as they are and simple responses glob the ARN.
   */
  tables?: RouteTables;
}

/** @internal */
export interface ResponseInput {
  principalId: string;
  allow: AllowedRoutes;
  context: Record<string, unknown> | undefined;
  usageIdentifierKey: string | undefined;
}

type IamResponse = IamAuthorizerResponse<Record<string, unknown>>;

/**
 * The response of one decision for one event shape and stage, built once: every call (cache hits
 * included) hands out a copy and only decides whether the current route is allowed.
 * @internal
 */
export interface PreparedResponse {
  /** The IAM response; never handed out itself (callers get copies). */
  readonly iam: IamResponse;
  /** Simple responses (HTTP API 2.0), by `isAuthorized`, built on first use. */
  simple: [SimpleAuthorizerResponse | undefined, SimpleAuthorizerResponse | undefined];
  /** The statements' resources, compiled (shared by every decision with the same resources). */
  readonly matcher: ResourceMatcher;
  /**
   * With route tables, what a simple response allows: every route (`"stage"`, request-only) or
   * the grant's route keys; `undefined` without tables (the ARN is globbed).
   */
  readonly routeKeys: RouteTableGrant | "all" | undefined;
  /** The last route key asked and its answer (a pure function of `routeKeys` and the key). */
  lastRouteKey?: string | null;
  lastRouteKeyAllowed?: boolean;
}

/**
 * A policy's resources compiled, to tell whether a request's ARN is allowed without the IAM
 * evaluator, with the last answer remembered (a pure function of the resources and the ARN).
 * @internal
 */
export interface ResourceMatcher {
  readonly allow: readonly ((arn: string) => boolean)[];
  readonly deny: readonly ((arn: string) => boolean)[];
  lastArn: string | undefined;
  lastAllowed: boolean;
}

/**
 * `@gatehouse/policy`'s builders with their memo of policy documents: identities with the same
 * rights on the same stage share one document (the builder hands out fresh copies).
 */
const responses = createAuthorizerResponseBuilder();

/**
 * A list of templates through the event's route table: the exact grant, whose `allow` and `deny`
 * go to the builder. Templates the table does not hold are reported (once each).
 */
function grantOf(
  event: RecognisedEvent,
  allow: ResponseInput["allow"],
  settings: ResponseSettings,
): RouteTableGrant | undefined {
  const table = settings.tables?.byApiType.get(event.apiType);
  if (table === undefined || !Array.isArray(allow)) return undefined;
  const grant = table.grant(allow as readonly string[]);
  if (grant.outside.length > 0 && settings.tables !== undefined) {
    reportOutside(settings.tables, event.apiType, grant.outside);
  }
  return grant;
}

/**
 * The builder for this shape, with the decision (through the route table's grant). The options
 * are assigned one by one: object spreads cost a runtime call each, on every decision.
 */
function buildIam(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
  grant: RouteTableGrant | undefined,
): IamResponse {
  const options: Record<string, unknown> = {
    principalId: input.principalId,
    allow: grant === undefined ? input.allow : grant.allow,
  };
  if (grant !== undefined && grant.deny.length > 0) options["deny"] = grant.deny;
  if (input.context !== undefined) options["context"] = input.context;
  // usageIdentifierKey goes to HTTP APIs too, so that their builders refuse it (no API keys).
  if (input.usageIdentifierKey !== undefined) {
    options["usageIdentifierKey"] = input.usageIdentifierKey;
  }
  const { standIn } = event;
  if (standIn !== undefined) {
    // Placeholder ids (an emulator): built from the stand-in ARN, resources written back.
    const built = buildIamFor(event.shape, options, standIn.policyArn, settings);
    return restoreSentIds(built, standIn);
  }
  return buildIamFor(event.shape, options, event.arn, settings);
}

function buildIamFor(
  shape: RecognisedEvent["shape"],
  options: Record<string, unknown>,
  arn: string,
  settings: ResponseSettings,
): IamResponse {
  if (shape === "http-v2") {
    options["routeArn"] = arn;
    return responses.httpV2Iam(options as unknown as HttpV2IamAuthorizerResponseOptions);
  }
  options["methodArn"] = arn;
  options["nestedContext"] = settings.nestedContext;
  switch (shape) {
    case "rest-token":
    case "rest-request":
      return responses.rest(options as unknown as RestAuthorizerResponseOptions);
    case "websocket-connect":
      return responses.webSocket(options as unknown as WebSocketAuthorizerResponseOptions);
    case "http-v1":
      return responses.httpV1(options as unknown as HttpV1AuthorizerResponseOptions);
  }
}

/** Compiled matchers by the statements' resources (few distinct per process). Bounded. */
const MATCHERS_LIMIT = 256;
const matchers = new Map<string, ResourceMatcher>();

function resources(statement: IamAuthorizerStatement): readonly string[] {
  return typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource;
}

function matcherOf(statements: readonly IamAuthorizerStatement[]): ResourceMatcher {
  let key = "";
  for (const statement of statements) {
    key += `${statement.Effect}\u0001${resources(statement).join("\u0000")}\u0002`;
  }
  let matcher = matchers.get(key);
  if (matcher !== undefined) return matcher;
  const allow: ((arn: string) => boolean)[] = [];
  const deny: ((arn: string) => boolean)[] = [];
  for (const statement of statements) {
    // Matches as evaluatePolicy matches these resources for a request without context.
    const compiled = resources(statement).map((resource) =>
      compileWildcard(resource, { policyVariables: true }),
    );
    (statement.Effect === "Allow" ? allow : deny).push(...compiled);
  }
  matcher = { allow, deny, lastArn: undefined, lastAllowed: false };
  if (matchers.size >= MATCHERS_LIMIT) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/**
 * Builds the response of a decision for this event's shape and stage, with `@gatehouse/policy`'s
 * (memoising) builders.
 * @throws whatever the builders throw (`PolicyError`, `TypeError`).
 * @internal
 */
export function prepareResponse(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): PreparedResponse {
  const grant = grantOf(event, input.allow, settings);
  const iam = buildIam(event, input, settings, grant);
  return {
    iam,
    simple: [undefined, undefined],
    matcher: matcherOf(iam.policyDocument.Statement),
    routeKeys:
      settings.tables === undefined ? undefined : Array.isArray(input.allow) ? grant : "all",
  };
}

/**
 * Whether a simple response allows this request: with route tables, on the event's exact route
 * key (`routeKey`; parameter names aside); otherwise as the policy allows the ARN.
 * @internal
 */
export function allowsRoute(prepared: PreparedResponse, event: RecognisedEvent): boolean {
  const { routeKeys } = prepared;
  if (routeKeys === undefined) return allowsArn(prepared, event.arn);
  if (routeKeys === "all") return true;
  const key = event.route;
  if (prepared.lastRouteKey === key && prepared.lastRouteKeyAllowed !== undefined) {
    return prepared.lastRouteKeyAllowed;
  }
  const allowed = key !== null && routeKeys.allowsRouteKey(key);
  prepared.lastRouteKey = key;
  prepared.lastRouteKeyAllowed = allowed;
  return allowed;
}

/**
 * Whether the policy lets this request's ARN through, as API Gateway (and `evaluatePolicy`)
 * decide: an Allow matches and no Deny does. The handler's statements carry no conditions and
 * always name `execute-api:Invoke`.
 * @internal
 */
export function allowsArn(prepared: PreparedResponse, arn: string): boolean {
  const { matcher } = prepared;
  if (matcher.lastArn === arn) return matcher.lastAllowed;
  let allowed = false;
  if (!matcher.deny.some((matches) => matches(arn))) {
    allowed = matcher.allow.some((matches) => matches(arn));
  }
  matcher.lastArn = arn;
  matcher.lastAllowed = allowed;
  return allowed;
}

/**
 * The response for this event from a prepared decision, as a fresh copy (a caller may change it
 * without touching what later calls get), and whether it lets the current request through.
 * @throws whatever the builders throw (simple responses are built on first use).
 * @internal
 */
export function respond(
  event: RecognisedEvent,
  prepared: PreparedResponse,
  input: ResponseInput,
  settings: ResponseSettings,
): { response: AuthorizerResponse; allowed: boolean } {
  if (event.shape === "http-v2" && settings.simpleResponses) {
    const allowed = allowsRoute(prepared, event);
    const index = allowed ? 1 : 0;
    let simple = prepared.simple[index];
    if (simple === undefined) {
      simple = responses.httpV2Simple({
        isAuthorized: allowed,
        ...(input.context === undefined ? {} : { context: input.context }),
      });
      prepared.simple[index] = simple;
    }
    return { response: copyAuthorizerResponse(simple), allowed };
  }
  return {
    response: copyAuthorizerResponse(prepared.iam),
    allowed: allowsArn(prepared, event.arn),
  };
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
    return responses.httpV2Simple({ isAuthorized: false });
  }
  const { standIn } = event;
  if (standIn === undefined) return responses.denyAll({ arn: event.arn, principalId: "anonymous" });
  return restoreSentIds(responses.denyAll({ arn: standIn.arn, principalId: "anonymous" }), standIn);
}
