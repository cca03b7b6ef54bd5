import { JwksCache } from "../../jwks/jwks-cache.js";
import type { CommonVerifierOptions } from "../common-verifier-options.js";
import type { ClaimChecks } from "./check-claims.js";
import { DEFAULT_MAX_TOKEN_BYTES } from "./decode-jwt.js";

/** @internal Common options, validated (TypeError on misuse) and with defaults applied. */
export interface ResolvedCommonOptions {
  claimChecks: ClaimChecks;
  typ: string | undefined;
  maxTokenBytes: number;
  cache: JwksCache;
}

/** @internal */
export function resolveCommonOptions(options: CommonVerifierOptions): ResolvedCommonOptions {
  const tolerance = options.clockToleranceSeconds ?? 0;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new TypeError("clockToleranceSeconds must be a non-negative number of seconds");
  }
  const maxAge = options.maxTokenAgeSeconds;
  if (maxAge !== undefined && (typeof maxAge !== "number" || !(maxAge > 0))) {
    throw new TypeError("maxTokenAgeSeconds must be a positive number of seconds");
  }
  const now = options.now ?? Date.now;
  if (typeof now !== "function") throw new TypeError("now must return epoch milliseconds");
  if (options.typ !== undefined && (typeof options.typ !== "string" || options.typ === "")) {
    throw new TypeError("typ must be a non-empty string");
  }
  const required = options.requiredClaims ?? [];
  if (!Array.isArray(required) || required.some((name) => typeof name !== "string")) {
    throw new TypeError("requiredClaims must be an array of claim names");
  }
  const maxTokenBytes = options.maxTokenBytes ?? DEFAULT_MAX_TOKEN_BYTES;
  if (!Number.isInteger(maxTokenBytes) || maxTokenBytes <= 0) {
    throw new TypeError("maxTokenBytes must be a positive integer");
  }
  const cacheOption = options.jwksCache;
  const cache =
    cacheOption instanceof JwksCache ? cacheOption : new JwksCache({ now, ...(cacheOption ?? {}) });
  return {
    claimChecks: {
      now,
      clockToleranceSeconds: tolerance,
      maxTokenAgeSeconds: maxAge,
      requiredClaims: [...required],
    },
    typ: options.typ,
    maxTokenBytes,
    cache,
  };
}
