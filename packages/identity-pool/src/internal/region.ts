/** @internal `us-east-1` and friends: letters, a dash-separated name, a digit. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * @internal The region of an identity pool: the prefix of its id (`us-east-1:1a2b...`), checked
 * against `region` when given. Throws `TypeError` for a malformed id or a region that differs.
 */
export function resolveRegion(where: string, identityPoolId: unknown, region: unknown): string {
  const match =
    typeof identityPoolId === "string" ? /^([^:]+):[0-9a-f-]{36}$/i.exec(identityPoolId) : null;
  const prefix = match?.[1];
  if (prefix === undefined || !REGION.test(prefix)) {
    throw new TypeError(`${where}: options.identityPoolId must be "{region}:{GUID}"`);
  }
  if (region !== undefined && region !== prefix) {
    throw new TypeError(`${where}: options.region differs from the pool id's region ${prefix}`);
  }
  return prefix;
}

/** @internal `https://{service}.{region}.amazonaws.com/` (`.amazonaws.com.cn` in China). */
export function serviceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.amazonaws.com${region.startsWith("cn-") ? ".cn" : ""}/`;
}
