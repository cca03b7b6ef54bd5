/** Counters of one authorizer since the gateway started. */
export interface AuthorizerStats {
  /** Times the authorizer function (or JWT verifier) ran. */
  invocations: number;
  /** Requests answered from the authorizer cache, without running it. */
  cacheHits: number;
}

/**
 * Counters since the gateway started, from {@link LocalGateway.stats}.
 *
 * @example
 * ```ts
 * const { authorizers } = gw.stats();
 * expect(authorizers.naive).toEqual({ invocations: 1, cacheHits: 1 });
 * ```
 */
export interface GatewayStats {
  /** Requests received (including refused ones and WebSocket handshakes). */
  requests: number;
  /** Per authorizer name. */
  authorizers: Record<string, AuthorizerStats>;
}
