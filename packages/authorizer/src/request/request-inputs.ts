import type { AuthorizerEvent } from "@gatehouse/policy";

/**
 * The request data an `authorize` hook or a `resolveIssuer` may read. Each read is recorded: a
 * decision is cached only when everything it read is a declared {@link DecisionInput} (and is
 * therefore part of the cache key); reading `event` always makes it uncacheable.
 *
 * @example
 * ```ts
 * declare const request: RequestInputs;
 * const tenant = request.header("x-tenant"); // declared as { header: "x-tenant" }
 * ```
 */
export interface RequestInputs {
  /** The route: HTTP `routeKey`, REST `METHOD /resource`, `$connect`; for TOKEN `METHOD /path`. */
  readonly route: string | null;
  /** `methodArn`, or `routeArn` for HTTP API 2.0. */
  readonly arn: string;
  /**
   * The client address when the event carries one (TOKEN events do not), normalised as
   * `normalizeIpAddress` of `@gatehouse/policy` reads it (`::ffff:192.0.2.1` is `192.0.2.1`, IPv6
   * in RFC 5952 form). An address it refuses (leading zeros, a zone id, ...) makes this read throw
   * an `invalid_event` error: the request fails closed.
   */
  readonly sourceIp: string | null;
  /** The event's string stage variables, as a fresh object. */
  readonly stageVariables: Readonly<Record<string, string>>;
  /**
   * A header (name matched case-insensitively): its value, or its distinct values joined with
   * `", "` (from `multiValueHeaders` when the event has it, else `headers`), or `undefined` when
   * absent.
   */
  header(name: string): string | undefined;
  /**
   * A query-string parameter (case-sensitive name): its value, or its distinct values joined with
   * `","` (from `multiValueQueryStringParameters` when the event has it, else
   * `queryStringParameters`), or `undefined` when absent.
   */
  query(name: string): string | undefined;
  /** The raw event. Reading it makes the decision uncacheable (it may depend on anything). */
  readonly event: AuthorizerEvent;
}
