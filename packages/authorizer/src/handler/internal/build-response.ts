import {
  type AllowedRoutes,
  buildDenyAllAuthorizerResponse,
  buildHttpV1AuthorizerResponse,
  buildHttpV2IamAuthorizerResponse,
  buildHttpV2SimpleAuthorizerResponse,
  buildRestAuthorizerResponse,
  buildWebSocketAuthorizerResponse,
  compileWildcard,
  copyAuthorizerResponse,
  copyIamAuthorizerStatements,
  fitsAuthorizerResponse,
  type IamAuthorizerResponse,
  type IamAuthorizerStatement,
  MAX_AUTHORIZER_RESPONSE_BYTES,
  type RouteTableGrant,
  type SimpleAuthorizerResponse,
} from "@gatehouse/policy";
import type { AuthorizerResponse, EventShape } from "../authorizer-options.js";
import type { RecognisedEvent } from "./recognise-event.js";
import { type RouteTables, reportOutside } from "./route-tables.js";

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
  /** The statements' resources, compiled (shared by every decision with the same document). */
  readonly matcher: ResourceMatcher;
  /**
   * With route tables, what a simple response allows: every route (`"stage"`, request-only) or
   * the grant's route keys; `undefined` without tables (the ARN is globbed).
   */
  readonly routeKeys: RouteTableGrant | "all" | undefined;
  /** The last route key asked and its answer (a pure function of `routeKeys` and the key). */
  lastRouteKey?: string | null;
  lastRouteKeyAllowed?: boolean;
  /**
   * Whether `iam.context` holds only strings, finite numbers, booleans and `null` (and no
   * `__proto__` key), as {@link simpleContext} returns it: then a spread copies it.
   */
  readonly flatContext: boolean;
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

/** What a simple response allows for this decision, with route tables. */
function routeKeysOf(
  event: RecognisedEvent,
  allow: ResponseInput["allow"],
  settings: ResponseSettings,
  grant: RouteTableGrant | undefined,
): RouteTableGrant | "all" | undefined {
  if (settings.tables === undefined) return undefined;
  return Array.isArray(allow) ? (grant ?? grantOf(event, allow, settings)) : "all";
}

/** The builder that `@gatehouse/policy` has for this shape, called exactly as before. */
function canonicalIam(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
  grant: RouteTableGrant | undefined = grantOf(event, input.allow, settings),
): IamResponse {
  const common =
    grant === undefined
      ? { principalId: input.principalId, allow: input.allow }
      : {
          principalId: input.principalId,
          allow: grant.allow,
          ...(grant.deny.length === 0 ? {} : { deny: grant.deny }),
        };
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
 * Policy documents by shape, stage and allowed set: identities with the same rights on the same
 * stage share one (compiling route templates to ARNs is most of a builder call). Bounded.
 */
const STAGES_LIMIT = 512;
const DOCUMENTS_PER_STAGE = 16;

interface Document {
  /** `"stage"` or the route templates the document was built for (a private copy). */
  readonly allow: "stage" | readonly string[];
  readonly statements: readonly IamAuthorizerStatement[];
  /** UTF-8 bytes of `JSON.stringify(policyDocument)`. */
  readonly bytes: number;
  readonly matcher: ResourceMatcher;
  /** What a simple response allows (with route tables). */
  readonly routeKeys: RouteTableGrant | "all" | undefined;
}

/**
 * By event shape, then stage scope (the parsed-ARN memo hands out the same string each time, so
 * no key is built per call), then a short list compared template by template (the route table's
 * templates are the same string instances each time). One store per handler's route tables (the
 * grant of a set depends on the table), one for handlers without.
 */
interface DocumentStore {
  byShape: Map<EventShape, Map<string, Document[]>>;
  stageCount: number;
}
const untabled: DocumentStore = { byShape: new Map(), stageCount: 0 };
const tabled = new WeakMap<RouteTables, DocumentStore>();

function storeOf(settings: ResponseSettings): DocumentStore {
  const { tables } = settings;
  if (tables === undefined) return untabled;
  let store = tabled.get(tables);
  if (store === undefined) {
    store = { byShape: new Map(), stageCount: 0 };
    tabled.set(tables, store);
  }
  return store;
}

function compileStatements(statements: readonly IamAuthorizerStatement[]): ResourceMatcher {
  const allowResources: ((arn: string) => boolean)[] = [];
  const denyResources: ((arn: string) => boolean)[] = [];
  for (const statement of statements) {
    // Matches as evaluatePolicy matches these resources for a request without context.
    const compiled = resources(statement).map((resource) =>
      compileWildcard(resource, { policyVariables: true }),
    );
    (statement.Effect === "Allow" ? allowResources : denyResources).push(...compiled);
  }
  return { allow: allowResources, deny: denyResources, lastArn: undefined, lastAllowed: false };
}

function sameAllow(a: "stage" | readonly string[], b: "stage" | readonly string[]): boolean {
  if (a === "stage" || b === "stage") return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function documentFor(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): Document | undefined {
  const { allow } = input;
  if (allow !== "stage") {
    if (!Array.isArray(allow)) return undefined;
    for (const template of allow) if (typeof template !== "string") return undefined;
  }
  const store = storeOf(settings);
  let byStage = store.byShape.get(event.shape);
  if (byStage === undefined) {
    byStage = new Map();
    store.byShape.set(event.shape, byStage);
  }
  let list = byStage.get(event.stageScope);
  if (list !== undefined) {
    for (const document of list) if (sameAllow(document.allow, allow)) return document;
  }
  // The same builder, with nothing but the stage and the allowed set (through the route table's
  // grant: computed here, once per stage and allowed set, never per request).
  const grant = grantOf(event, allow, settings);
  const bare = canonicalIam(
    event,
    { principalId: "", allow, context: undefined, usageIdentifierKey: undefined },
    settings,
    grant,
  );
  const statements = bare.policyDocument.Statement;
  const document: Document = {
    allow: allow === "stage" ? "stage" : [...(allow as string[])],
    statements,
    bytes: utf8Bytes(JSON.stringify(bare.policyDocument)),
    matcher: compileStatements(statements),
    routeKeys: routeKeysOf(event, allow, settings, grant),
  };
  if (list === undefined) {
    if (store.stageCount >= STAGES_LIMIT) {
      store.byShape.clear();
      store.stageCount = 0;
      return documentFor(event, input, settings);
    }
    list = [];
    byStage.set(event.stageScope, list);
    store.stageCount++;
  }
  if (list.length >= DOCUMENTS_PER_STAGE) list.shift();
  list.push(document);
  return document;
}

/** Context keys a shape reserves (the builders refuse them). */
function reservedKey(shape: EventShape): string | undefined {
  return shape === "http-v1" ? "claims" : undefined;
}

/**
 * The context as the builders encode it, when that encoding is the identity (strings, finite
 * numbers, booleans; `null` dropped (flat) or kept (JSON), `undefined` dropped); `undefined` for
 * anything else, which the builder itself then handles (packing, or its error).
 */
function simpleContext(
  context: Record<string, unknown>,
  json: boolean,
  reserved: string | undefined,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(context)) {
    if (key === "__proto__" || key === reserved) return undefined;
    const value = context[key];
    if (value === undefined) continue;
    if (value === null) {
      if (json) out[key] = null;
      continue;
    }
    const type = typeof value;
    if (type === "string" || type === "boolean" || (type === "number" && Number.isFinite(value))) {
      out[key] = value;
    } else {
      return undefined;
    }
  }
  return out;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The most bytes a JSON string of this text can take: 6 (`\\u001f`) per UTF-16 unit, quotes. */
function stringBound(text: string): number {
  return 6 * text.length + 2;
}

/**
 * An upper bound of the IAM response's size, without serialising anything: flat values only
 * (strings, numbers (at most 25 characters as JSON; 32 counted), booleans, `null`), as
 * `simpleContext` returns.
 */
function iamBound(response: IamResponse, documentBytes: number): number {
  let bound = '{"principalId":,"policyDocument":}'.length + stringBound(response.principalId);
  bound += documentBytes;
  const { context, usageIdentifierKey } = response;
  if (context !== undefined) {
    bound += ',"context":{}'.length;
    for (const key of Object.keys(context)) {
      const value = context[key];
      bound += stringBound(key) + 2 + (typeof value === "string" ? stringBound(value) : 32);
    }
  }
  if (usageIdentifierKey !== undefined) {
    bound += ',"usageIdentifierKey":'.length + stringBound(usageIdentifierKey);
  }
  return bound;
}

/**
 * `fitsAuthorizerResponse(response)` for an IAM response in the builders' key order, without serialising the
 * (memoised) policy document again: `{"principalId":…,"policyDocument":…,"context":…,
 * "usageIdentifierKey":…}` piece by piece; the names are ASCII.
 */
function iamFits(response: IamResponse, documentBytes: number): boolean {
  if (iamBound(response, documentBytes) <= MAX_AUTHORIZER_RESPONSE_BYTES) return true;
  let bytes =
    '{"principalId":,"policyDocument":}'.length +
    utf8Bytes(JSON.stringify(response.principalId)) +
    documentBytes;
  if (response.context !== undefined) {
    bytes += ',"context":'.length + utf8Bytes(JSON.stringify(response.context));
  }
  if (response.usageIdentifierKey !== undefined) {
    bytes +=
      ',"usageIdentifierKey":'.length + utf8Bytes(JSON.stringify(response.usageIdentifierKey));
  }
  return bytes <= MAX_AUTHORIZER_RESPONSE_BYTES;
}

/**
 * The builder's response without calling it, when that is certain to give the same result: the
 * memoised statements plus a context whose encoding is trivial, within the size quota. Otherwise
 * `undefined`, and the caller runs the builder.
 */
function fastIam(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): PreparedResponse | undefined {
  const http = event.shape === "http-v1" || event.shape === "http-v2";
  if (typeof input.principalId !== "string") return undefined;
  if (
    input.usageIdentifierKey !== undefined &&
    (http || typeof input.usageIdentifierKey !== "string")
  )
    return undefined;
  let context: Record<string, unknown> | undefined;
  if (input.context !== undefined) {
    context = simpleContext(input.context, event.shape === "http-v2", reservedKey(event.shape));
    if (context === undefined) return undefined;
  }
  const document = documentFor(event, input, settings);
  if (document === undefined) return undefined;
  const iam: IamResponse = {
    principalId: input.principalId,
    // The memoised statements themselves: the master is never handed out (`respond` copies).
    policyDocument: {
      Version: "2012-10-17",
      Statement: document.statements as IamAuthorizerStatement[],
    },
  };
  if (context !== undefined) iam.context = context;
  if (input.usageIdentifierKey !== undefined) iam.usageIdentifierKey = input.usageIdentifierKey;
  if (!iamFits(iam, document.bytes)) return undefined;
  return {
    iam,
    simple: [undefined, undefined],
    matcher: document.matcher,
    routeKeys: document.routeKeys,
    flatContext: true,
  };
}

function resources(statement: IamAuthorizerStatement): readonly string[] {
  return typeof statement.Resource === "string" ? [statement.Resource] : statement.Resource;
}

/**
 * Builds the response of a decision for this event's shape and stage (with `@gatehouse/policy`'s
 * builders, or the identical result from memoised statements).
 * @throws whatever the builders throw (`PolicyError`, `TypeError`).
 * @internal
 */
export function prepareResponse(
  event: RecognisedEvent,
  input: ResponseInput,
  settings: ResponseSettings,
): PreparedResponse {
  try {
    const fast = fastIam(event, input, settings);
    if (fast !== undefined) return fast;
  } catch {
    // The builder below gives the canonical result or error.
  }
  const grant = grantOf(event, input.allow, settings);
  const iam = canonicalIam(event, input, settings, grant);
  return {
    iam,
    simple: [undefined, undefined],
    matcher: compileStatements(iam.policyDocument.Statement),
    routeKeys: routeKeysOf(event, input.allow, settings, grant),
    flatContext: false,
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
  const allowed = matchArn(matcher, arn);
  matcher.lastArn = arn;
  matcher.lastAllowed = allowed;
  return allowed;
}

function matchArn(matcher: ResourceMatcher, arn: string): boolean {
  for (const matches of matcher.deny) if (matches(arn)) return false;
  for (const matches of matcher.allow) if (matches(arn)) return true;
  return false;
}

function simpleResponse(
  prepared: PreparedResponse,
  input: ResponseInput,
  allowed: boolean,
): SimpleAuthorizerResponse {
  const index = allowed ? 1 : 0;
  let response = prepared.simple[index];
  if (response === undefined) {
    const context =
      input.context === undefined ? undefined : simpleContext(input.context, true, undefined);
    if (input.context === undefined || context !== undefined) {
      const fast: SimpleAuthorizerResponse = { isAuthorized: allowed };
      if (context !== undefined) fast.context = context;
      if (fitsAuthorizerResponse(fast)) response = fast;
    }
    response ??= buildHttpV2SimpleAuthorizerResponse({
      isAuthorized: allowed,
      ...(input.context === undefined ? {} : { context: input.context }),
    });
    prepared.simple[index] = response;
  }
  return response;
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
    return { response: copyAuthorizerResponse(simpleResponse(prepared, input, allowed)), allowed };
  }
  const allowed = allowsArn(prepared, event.arn);
  return { response: copyIam(prepared.iam, prepared.flatContext), allowed };
}

/** `copyAuthorizerResponse` (from `@gatehouse/policy`) unrolled for the IAM response, the hot path of every cache hit: a flat context is spread. */
function copyIam(iam: IamResponse, flatContext: boolean): IamResponse {
  const copy: IamResponse = {
    principalId: iam.principalId,
    policyDocument: {
      Version: iam.policyDocument.Version,
      Statement: copyIamAuthorizerStatements(iam.policyDocument.Statement),
    },
  };
  if (iam.context !== undefined) {
    // A spread defines own data properties (no setter runs), enough for flat values.
    copy.context = flatContext ? { ...iam.context } : copyAuthorizerResponse(iam.context);
  }
  if (iam.usageIdentifierKey !== undefined) copy.usageIdentifierKey = iam.usageIdentifierKey;
  return copy;
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
