import type { LoopbackServerOptions } from "../loopback-server-options.js";
import { type OriginPolicy, originPolicy } from "./origin-policy.js";

/** The default body limit of this package's servers: 1 MiB. @internal */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** {@link LoopbackServerOptions} checked, with defaults. @internal */
export interface ResolvedLoopbackOptions {
  port: number;
  maxBodyBytes: number;
  allowsOrigin: OriginPolicy;
}

/** Checks the shared server options (misuse is a `TypeError` naming `caller`). @internal */
export function resolveLoopbackOptions(
  options: LoopbackServerOptions,
  caller: string,
): ResolvedLoopbackOptions {
  const { port = 0, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, allowedOrigins = "loopback" } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(`${caller}: options.port must be an integer from 0 to 65535`);
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new TypeError(`${caller}: options.maxBodyBytes must be a whole number of bytes >= 0`);
  }
  return { port, maxBodyBytes, allowsOrigin: originPolicy(allowedOrigins, caller) };
}
