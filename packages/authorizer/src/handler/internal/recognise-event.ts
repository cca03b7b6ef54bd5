import {
  type ApiType,
  type AuthorizerEvent,
  type ConcreteExecuteApiArn,
  parseConcreteExecuteApiArn,
} from "@gatehouse/policy";
import { authorizerError } from "../../errors.js";
import type { EventShape } from "../authorizer-options.js";
import { type MethodArnOddity, oddities, type StandInArn, standInArn } from "./unusual-arn.js";

/**
 * An authorizer event with its shape recognised and the fields the handler needs.
 * @internal
 */
export interface RecognisedEvent {
  shape: EventShape;
  apiType: ApiType;
  /** `methodArn`, or `routeArn` for HTTP API 2.0. */
  arn: string;
  /**
   * With placeholder account/API ids (an emulator): the ARN read with stand-in ids, which the
   * policy builders see; their resources are written back to the ids as sent.
   */
  standIn: StandInArn | undefined;
  /** What is unusual about the ARN (none from API Gateway itself). */
  oddities: readonly MethodArnOddity[];
  /** `arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}`: the API Gateway cache scope. */
  stageScope: string;
  /** `{shape}\0{stageScope}`: what a cached decision is valid for (the same string each time). */
  cacheScope: string;
  stage: string;
  route: string | null;
  event: AuthorizerEvent;
  record: RawEvent;
}

/**
 * The event fields the handler reads, each still unchecked.
 * @internal
 */
export interface RawEvent {
  type?: unknown;
  version?: unknown;
  methodArn?: unknown;
  routeArn?: unknown;
  authorizationToken?: unknown;
  httpMethod?: unknown;
  resource?: unknown;
  routeKey?: unknown;
  headers?: unknown;
  multiValueHeaders?: unknown;
  queryStringParameters?: unknown;
  multiValueQueryStringParameters?: unknown;
  cookies?: unknown;
  stageVariables?: unknown;
  requestContext?: unknown;
}

interface RawRequestContext {
  eventType?: unknown;
  routeKey?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function invalidEvent(message: string): never {
  throw authorizerError("invalid_event", message);
}

function contextOf(event: RawEvent): RawRequestContext {
  return isRecord(event.requestContext) ? event.requestContext : {};
}

/**
 * The shape of an event. `emulatedV1` is the shape a REQUEST event of version 1.0 with placeholder
 * ids has: serverless-offline sends REST events (TOKEN and REQUEST) with `version: "1.0"`, and its
 * REST REQUEST and HTTP API 1.0 events are the same, so the factory's own shape is taken.
 */
function shapeOf(event: RawEvent, emulatedV1: EventShape | undefined): EventShape {
  const { type, version } = event;
  const requestContext = contextOf(event);
  if (type === "TOKEN") {
    if (version !== undefined && !(emulatedV1 !== undefined && version === "1.0")) {
      invalidEvent("a TOKEN event has no version");
    }
    return "rest-token";
  }
  if (type !== "REQUEST") invalidEvent('event.type is neither "TOKEN" nor "REQUEST"');
  if (version === "2.0") return "http-v2";
  if (version === "1.0") return emulatedV1 ?? "http-v1";
  if (version !== undefined && version !== null) invalidEvent("unknown event.version");
  if (requestContext.eventType === "CONNECT") return "websocket-connect";
  if (typeof event.httpMethod === "string") return "rest-request";
  return invalidEvent("a REQUEST event without httpMethod or requestContext.eventType CONNECT");
}

const API_TYPES: Record<EventShape, ApiType> = {
  "rest-token": "rest",
  "rest-request": "rest",
  "http-v1": "http",
  "http-v2": "http",
  "websocket-connect": "websocket",
};

function routeOf(shape: EventShape, event: RawEvent, parts: ParsedArn): string | null {
  switch (shape) {
    case "rest-token":
      // From the ARN alone: memoised with it.
      return parts.tokenRoute;
    case "rest-request":
    case "http-v1": {
      const routeKey = stringOrNull(contextOf(event).routeKey);
      if (shape === "http-v1" && routeKey !== null) return routeKey;
      const method = stringOrNull(event.httpMethod);
      const resource = stringOrNull(event.resource);
      return method !== null && resource !== null ? `${method} ${resource}` : null;
    }
    case "http-v2":
      return stringOrNull(event.routeKey);
    case "websocket-connect":
      return "$connect";
  }
}

interface ParsedArn {
  stageScope: string;
  stage: string;
  method: string | undefined;
  path: string | undefined;
  routeKey: string | undefined;
  /** The route of a REST TOKEN event, `METHOD /path`, from the ARN. */
  tokenRoute: string | null;
  /** `{shape}\0{stageScope}` by shape, built on first use. */
  cacheScopes: Partial<Record<EventShape, string>>;
  standIn: StandInArn | undefined;
  oddities: readonly MethodArnOddity[];
}

/**
 * Parsed ARNs by field (`methodArn`, `routeArn`), then ARN: API Gateway sends the same few ARNs
 * again and again. Bounded.
 */
const ARN_MEMO_LIMIT = 1024;
const parsedArns = {
  methodArn: new Map<string, ParsedArn>(),
  routeArn: new Map<string, ParsedArn>(),
};

/** Parses and checks the event's ARN (memoised: the parse is a pure function of the string). */
function parseArn(arn: string, arnField: "routeArn" | "methodArn"): ParsedArn {
  const memos = parsedArns[arnField];
  const memo = memos.get(arn);
  if (memo !== undefined) return memo;
  let parts: ConcreteExecuteApiArn;
  // Placeholder ids (an emulator): the rest of the ARN is checked as strictly as a real one.
  const standIn = standInArn(arn);
  try {
    parts = parseConcreteExecuteApiArn(standIn === undefined ? arn : standIn.arn, arnField);
  } catch (cause) {
    throw authorizerError("invalid_event", `event.${arnField} is not a concrete execute-api ARN`, {
      cause,
    });
  }
  const { partition, region, stage } = parts;
  const { method, path } = parts;
  // The scope as sent: decisions for placeholder ids are never shared with real ones.
  const prefix =
    standIn?.sentPrefix ??
    `arn:${partition}:execute-api:${region}:${parts.accountId}:${parts.apiId}`;
  const parsed: ParsedArn = {
    stageScope: `${prefix}/${stage}`,
    stage,
    method,
    path,
    routeKey: parts.routeKey,
    tokenRoute: method !== undefined && path !== undefined ? `${method} ${path}` : null,
    cacheScopes: {},
    standIn,
    oddities: oddities(standIn, path),
  };
  if (memos.size >= ARN_MEMO_LIMIT) memos.clear();
  memos.set(arn, parsed);
  return parsed;
}

/**
 * Recognises the shape of an authorizer event by AWS's own fields and checks the ARN it carries.
 * @param emulatedV1 - The shape of a REQUEST event of version 1.0 whose ARN has placeholder ids
 *   (an emulator's REST or HTTP API 1.0 event): the factory's `rest-request` when it takes one.
 * @throws AuthorizerError `invalid_event` for anything else.
 * @internal
 */
export function recogniseEvent(
  event: unknown,
  emulatedV1: "rest-request" | "http-v1" = "http-v1",
): RecognisedEvent {
  if (!isRecord(event)) invalidEvent("the event is not an object");
  const raw: RawEvent = event;
  // An emulator's REST event says version 1.0: its methodArn (placeholder ids) tells it apart.
  const emulated =
    raw.version === "1.0" && typeof raw.methodArn === "string"
      ? parseArn(raw.methodArn, "methodArn").standIn !== undefined
      : false;
  const shape = shapeOf(raw, emulated ? emulatedV1 : undefined);
  const arnField = shape === "http-v2" ? "routeArn" : "methodArn";
  const arn = shape === "http-v2" ? raw.routeArn : raw.methodArn;
  if (typeof arn !== "string") invalidEvent(`event.${arnField} is not a string`);
  const parts = parseArn(arn, arnField);
  if (shape === "websocket-connect" && parts.routeKey !== "$connect") {
    invalidEvent("a WebSocket CONNECT event whose methodArn does not end in /$connect");
  }
  let cacheScope = parts.cacheScopes[shape];
  if (cacheScope === undefined) {
    cacheScope = `${shape}\0${parts.stageScope}`;
    parts.cacheScopes[shape] = cacheScope;
  }
  return {
    shape,
    apiType: API_TYPES[shape],
    arn,
    standIn: parts.standIn,
    oddities: parts.oddities,
    stageScope: parts.stageScope,
    cacheScope,
    stage: parts.stage,
    route: routeOf(shape, raw, parts),
    event: event as unknown as AuthorizerEvent,
    record: raw,
  };
}
