/**
 * The request object hooks and resolvers read ({@link RequestInputs}), with every read recorded,
 * and the reading of the raw event that both it and the cache key use (one reader, so the key
 * always covers what a read can return).
 * @internal
 * @packageDocumentation
 */
import { type AuthorizerEvent, normalizeIpAddress } from "@gatehouse/policy";
import { authorizerError } from "../../errors.js";
import type { RequestInputs } from "../request-inputs.js";

/** @internal Bits of {@link RequestReads.flags}. */
export const READ_SOURCE_IP = 1;
/** @internal */
export const READ_ROUTE = 2;
/** @internal */
export const READ_ARN = 4;
/** @internal */
export const READ_STAGE_VARIABLES = 8;
/** @internal The raw event: never declarable. */
export const READ_EVENT = 16;

/**
 * What one decision read of the request.
 * @internal
 */
export interface RequestReads {
  flags: number;
  /** Lower-case header names. */
  headers: Set<string> | undefined;
  queries: Set<string> | undefined;
}

/** @internal */
export function newReads(): RequestReads {
  return { flags: 0, headers: undefined, queries: undefined };
}

/**
 * The event members the request object reads, each still unchecked.
 * @internal
 */
export interface RawRequestRecord {
  headers?: unknown;
  multiValueHeaders?: unknown;
  queryStringParameters?: unknown;
  multiValueQueryStringParameters?: unknown;
  stageVariables?: unknown;
  requestContext?: unknown;
}

/**
 * A request as the handler recognised it (or as read from a raw event).
 * @internal
 */
export interface RequestSource {
  record: RawRequestRecord;
  route: string | null;
  arn: string;
  event: unknown;
}

/** The fields {@link requestSourceOf} reads besides the request record. */
interface RawEventFields extends RawRequestRecord {
  routeKey?: unknown;
  httpMethod?: unknown;
  resource?: unknown;
  routeArn?: unknown;
  methodArn?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/**
 * A request source read from an event the handler did not recognise for us (a verifier used on
 * its own): route and ARN as the handler reads them for each event shape.
 * @internal
 */
export function requestSourceOf(event: unknown): RequestSource {
  const record: RawEventFields = isRecord(event) ? event : {};
  const context: { routeKey?: unknown } = isRecord(record.requestContext)
    ? record.requestContext
    : {};
  const routeKey = stringOrNull(record.routeKey) ?? stringOrNull(context.routeKey);
  const method = stringOrNull(record.httpMethod);
  const resource = stringOrNull(record.resource);
  return {
    record,
    route: routeKey ?? (method !== null && resource !== null ? `${method} ${resource}` : null),
    arn: stringOrNull(record.routeArn) ?? stringOrNull(record.methodArn) ?? "",
    event,
  };
}

/** The raw `sourceIp`: HTTP API 2.0 `requestContext.http`, otherwise `requestContext.identity`. */
export function rawSourceIp(record: RawRequestRecord): string | null {
  const context: { http?: unknown; identity?: unknown } = isRecord(record.requestContext)
    ? record.requestContext
    : {};
  const { http, identity } = context;
  const fromHttp = isRecord(http) ? stringOrNull((http as { sourceIp?: unknown }).sourceIp) : null;
  if (fromHttp !== null) return fromHttp;
  return isRecord(identity) ? stringOrNull((identity as { sourceIp?: unknown }).sourceIp) : null;
}

/** The exact `[name, value]` pairs of a header (name case-insensitive) in both maps. */
export function headerPairs(record: RawRequestRecord, lower: string): [unknown[], unknown[]] {
  const single: unknown[] = [];
  const multi: unknown[] = [];
  const { headers, multiValueHeaders } = record;
  if (isRecord(headers)) {
    for (const name of Object.keys(headers)) {
      const value = headers[name];
      if (name.toLowerCase() === lower && typeof value === "string") single.push([name, value]);
    }
  }
  if (isRecord(multiValueHeaders)) {
    for (const name of Object.keys(multiValueHeaders)) {
      const list = multiValueHeaders[name];
      if (name.toLowerCase() !== lower || !Array.isArray(list)) continue;
      multi.push([name, list.filter((value): value is string => typeof value === "string")]);
    }
  }
  return [single, multi];
}

/** The exact values of a query parameter (case-sensitive name) in both maps. */
export function queryValues(record: RawRequestRecord, name: string): [unknown, unknown] {
  const { queryStringParameters: single, multiValueQueryStringParameters: multi } = record;
  const one = isRecord(single) && Object.hasOwn(single, name) ? single[name] : undefined;
  const many = isRecord(multi) && Object.hasOwn(multi, name) ? multi[name] : undefined;
  return [
    typeof one === "string" ? one : null,
    Array.isArray(many) ? many.filter((value): value is string => typeof value === "string") : null,
  ];
}

/** The string stage variables, in the event's order. */
export function stageVariablePairs(record: RawRequestRecord): [string, string][] {
  const out: [string, string][] = [];
  const { stageVariables } = record;
  if (!isRecord(stageVariables)) return out;
  for (const name of Object.keys(stageVariables)) {
    const value = stageVariables[name];
    if (typeof value === "string") out.push([name, value]);
  }
  return out;
}

/** Distinct values in order of first appearance, joined; `undefined` for none. */
function joinDistinct(values: readonly string[], separator: string): string | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 0 ? undefined : distinct.join(separator);
}

/**
 * The client address as hooks see it: normalised by `@gatehouse/policy`'s one reader, `null`
 * when absent; a refused spelling throws `invalid_event` (fail closed, never "some other caller").
 * @internal
 */
export function normalizedSourceIp(record: RawRequestRecord): string | null {
  const raw = rawSourceIp(record);
  if (raw === null) return null;
  try {
    return normalizeIpAddress(raw, "sourceIp");
  } catch (cause) {
    throw authorizerError("invalid_event", "the event's sourceIp is not a usable IP address", {
      cause,
    });
  }
}

/**
 * A {@link RequestInputs} over `source` that records every read in `reads`; `extra` holds plain
 * fields to add (the hook's `shape`, `stage`, ...). Getters are own properties: spreading the
 * object reads (and records) everything.
 * @internal
 */
export function createRequestInputs<E extends object>(
  source: RequestSource,
  reads: RequestReads,
  extra: E,
): RequestInputs & E {
  const { record } = source;
  return {
    ...extra,
    get route() {
      reads.flags |= READ_ROUTE;
      return source.route;
    },
    get arn() {
      reads.flags |= READ_ARN;
      return source.arn;
    },
    get sourceIp() {
      reads.flags |= READ_SOURCE_IP;
      return normalizedSourceIp(record);
    },
    get stageVariables() {
      reads.flags |= READ_STAGE_VARIABLES;
      return Object.fromEntries(stageVariablePairs(record));
    },
    get event() {
      reads.flags |= READ_EVENT;
      return source.event as AuthorizerEvent;
    },
    header(name: string): string | undefined {
      if (typeof name !== "string")
        throw new TypeError("request.header(name): name must be a string");
      const lower = name.toLowerCase();
      reads.headers ??= new Set();
      reads.headers.add(lower);
      const [single, multi] = headerPairs(record, lower);
      // The multi-value map holds every value in order; the single one only the last.
      const values: string[] = [];
      for (const pair of multi) values.push(...(pair as [string, string[]])[1]);
      if (values.length === 0)
        for (const pair of single) values.push((pair as [string, string])[1]);
      return joinDistinct(values, ", ");
    },
    query(name: string): string | undefined {
      if (typeof name !== "string")
        throw new TypeError("request.query(name): name must be a string");
      reads.queries ??= new Set();
      reads.queries.add(name);
      const [one, many] = queryValues(record, name);
      const values: string[] = Array.isArray(many) ? [...(many as string[])] : [];
      if (values.length === 0 && typeof one === "string") values.push(one);
      return joinDistinct(values, ",");
    },
  };
}
