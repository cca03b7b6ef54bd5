import type { OptionCheck } from "./option-check.js";

/**
 * @internal The region of an identity pool: the prefix of its id (`us-east-1:1a2b...`), checked
 * against `region` when given. Throws `TypeError` for a malformed id or a region that differs.
 */
export function resolveRegion(
  check: OptionCheck,
  identityPoolId: unknown,
  region: unknown,
): string {
  // `us-east-1` and friends: letters, a dash-separated name, a digit; then a GUID.
  const prefix = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2}):[0-9a-fA-F-]{36}$/.exec(
    String(identityPoolId),
  )?.[1];
  check(typeof identityPoolId === "string" && prefix, "identityPoolId", '"{region}:{GUID}"');
  check(region === undefined || region === prefix, "region", `the pool id's region, ${prefix}`);
  return prefix as string;
}

/** @internal `https://{service}.{region}.amazonaws.com/` (`.amazonaws.com.cn` in China). */
export function serviceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}/`;
}
