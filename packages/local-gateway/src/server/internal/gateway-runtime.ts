/**
 * The mutable state of a running gateway: authorizer caches per API stage and counters.
 * @internal
 * @packageDocumentation
 */

import { AuthorizerCache } from "../../authorization/internal/authorizer-cache.js";
import type { ResolvedGateway } from "../../config/internal/resolved-gateway.js";
import { createRequestIds } from "../../http/internal/request-ids.js";
import type { AuthorizerStats, GatewayStats } from "../gateway-stats.js";
import { UsagePlanMeter } from "./usage-plan-meter.js";

/** @internal */
export class GatewayRuntime {
  readonly gateway: ResolvedGateway;
  readonly #caches = new Map<string, AuthorizerCache>();
  readonly #authorizers = new Map<string, AuthorizerStats>();
  requests = 0;
  /** A fresh request id for every request. */
  readonly nextRequestId = createRequestIds();
  /** Token buckets and quota counters of the usage plans, on the gateway's clock. */
  readonly usagePlans: UsagePlanMeter;

  constructor(gateway: ResolvedGateway) {
    this.gateway = gateway;
    this.usagePlans = new UsagePlanMeter(gateway.usagePlans);
    for (const api of gateway.apis) this.#caches.set(api.name, new AuthorizerCache());
    for (const name of gateway.authorizerNames)
      this.#authorizers.set(name, { invocations: 0, cacheHits: 0 });
  }

  cache(apiName: string): AuthorizerCache {
    const cache = this.#caches.get(apiName);
    if (cache === undefined) throw new Error(`no cache for API ${apiName}`);
    return cache;
  }

  counters(authorizer: string): AuthorizerStats {
    let counters = this.#authorizers.get(authorizer);
    if (counters === undefined) {
      counters = { invocations: 0, cacheHits: 0 };
      this.#authorizers.set(authorizer, counters);
    }
    return counters;
  }

  snapshot(): GatewayStats {
    return {
      requests: this.requests,
      authorizers: Object.fromEntries(
        [...this.#authorizers].map(([name, counters]) => [name, { ...counters }]),
      ),
    };
  }

  flush(): void {
    for (const cache of this.#caches.values()) cache.clear();
  }
}
