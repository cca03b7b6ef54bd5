import type { AllowedOrigins } from "../loopback-server-options.js";

/** Decides which `Origin` header values get CORS headers. @internal */
export type OriginPolicy = (origin: string) => boolean;

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

/**
 * The origin a configured entry stands for (`scheme://host[:port]`, lower-case, default port
 * dropped), or `undefined` when the entry is not a bare origin.
 * @internal
 */
export function normalizeOrigin(entry: string): string | undefined {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username !== "" || url.password !== "" || url.pathname !== "/" || /[?#]/.test(entry)) {
    return undefined;
  }
  return url.origin;
}

/**
 * Builds the origin check; a malformed entry is a `TypeError` naming `caller`'s option.
 * @internal
 */
export function originPolicy(allowed: AllowedOrigins, caller: string): OriginPolicy {
  if (allowed === "loopback") return (origin) => LOOPBACK_ORIGIN.test(origin);
  if (!Array.isArray(allowed)) {
    throw new TypeError(
      `${caller}: options.allowedOrigins must be "loopback" or an array of origins such as "https://app.example.com"`,
    );
  }
  const exact = new Set<string>();
  allowed.forEach((entry: unknown, index: number) => {
    const origin = typeof entry === "string" ? normalizeOrigin(entry) : undefined;
    if (origin === undefined) {
      throw new TypeError(
        `${caller}: options.allowedOrigins[${index}] must be an origin such as "https://app.example.com" (scheme, host, optional port; no path, no "*")`,
      );
    }
    exact.add(origin);
  });
  return (origin) => exact.has(origin);
}

/**
 * Sets `Vary: Origin` and, for an allowed `Origin`, `Access-Control-Allow-Origin` naming it and
 * `Access-Control-Expose-Headers`. Returns whether the origin was allowed.
 * @internal
 */
export function applyCors(
  origin: string | undefined,
  allowsOrigin: OriginPolicy,
  setHeader: (name: string, value: string) => void,
  exposeHeaders: string,
): boolean {
  setHeader("Vary", "Origin");
  if (origin === undefined || !allowsOrigin(origin)) return false;
  setHeader("Access-Control-Allow-Origin", origin);
  setHeader("Access-Control-Expose-Headers", exposeHeaders);
  return true;
}
