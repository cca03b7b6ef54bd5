/**
 * Validates a {@link LocalGatewayConfig} once, at start, and resolves its defaults. Every field is
 * checked here, with a `LocalGatewayError` `invalid_config` whose `path` names it
 * (`apis[0].routes[2].resource`) and whose message starts with that path; identifiers (region,
 * account, API id, stage, methods, principal ARNs) are checked by the same `@gatehouse/policy`
 * functions the request path uses, so a config that starts never fails a request on them.
 * @internal
 * @packageDocumentation
 */
import { parseAccountId, parseRegion, partitionOfRegion } from "@gatehouse/policy";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../gateway-config.js";
import {
  checked,
  invalid,
  kindOf,
  optionalBoolean,
  requireFunction,
  requireObject,
} from "./config-fields.js";
import { resolveApi } from "./resolve-api.js";
import { resolveUsagePlans } from "./resolve-api-keys.js";
import { resolveCredentials } from "./resolve-credentials.js";
import { resolveExecuteApiEndpointFlags, resolveTls } from "./resolve-tls.js";
import type { ResolvedGateway } from "./resolved-gateway.js";

/** @internal */
export function resolveConfig(input: LocalGatewayConfig): ResolvedGateway {
  const config = requireObject(input, "config", "a gateway config object ({ apis: [...] })");
  if (!Array.isArray(config["apis"]) || config["apis"].length === 0) {
    throw invalid(
      "apis",
      `must be a non-empty array of APIs, got ${Array.isArray(config["apis"]) ? "an empty array" : kindOf(config["apis"])}`,
    );
  }
  const region =
    config["region"] === undefined
      ? "us-east-1"
      : checked("region", (at) => parseRegion(config["region"], at));
  const partition = partitionOfRegion(region);
  const accountId =
    config["accountId"] === undefined
      ? "123456789012"
      : checked("accountId", (at) => parseAccountId(config["accountId"], at));
  const seen = {
    names: new Set<string>(),
    prefixes: new Set<string>(),
    authorizerNames: new Set<string>(),
  };
  const identity = { region, accountId, partition };
  const apis = (config["apis"] as unknown[]).map((api, index) =>
    resolveApi(api, index, identity, seen),
  );
  const credentials = resolveCredentials(config["credentials"], identity);
  const now = (config["now"] ?? (() => new Date())) as () => Date;
  requireFunction(now, "now", "the gateway's clock, () => Date");
  const port = config["port"] ?? 0;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalid("port", "must be an integer from 0 to 65535 (0 picks a free port)", "0..65535");
  }
  const maxBodyBytes = config["maxBodyBytes"] ?? 10 * 1024 * 1024;
  if (typeof maxBodyBytes !== "number" || !Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw invalid("maxBodyBytes", "must be a non-negative integer (bytes)");
  }
  if (config["onDecision"] !== undefined) {
    requireFunction(config["onDecision"], "onDecision", "called once per request with the outcome");
  }
  const tls = resolveTls(config["tls"]);
  resolveExecuteApiEndpointFlags(config["apis"] as unknown[]);
  return {
    ...(tls !== undefined ? { tls } : {}),
    port,
    region,
    accountId,
    partition,
    apis,
    authorizerNames: [...seen.authorizerNames],
    credentials,
    verifierOptions: { region, service: "execute-api", now },
    trustForwardedFor: optionalBoolean(config["trustForwardedFor"], "trustForwardedFor"),
    now,
    maxBodyBytes,
    onDecision: config["onDecision"] as ((record: GatewayDecisionRecord) => void) | undefined,
    usagePlans: resolveUsagePlans(config, apis),
  };
}
