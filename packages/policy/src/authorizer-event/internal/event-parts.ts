import type { AuthorizerRequestIdentity } from "../authorizer-request-identity.js";
import type { IamEventIdentity } from "../iam-event-identity.js";

/** `map[name] = value`, also for a key named `__proto__` (a valid header or query name). @internal */
export function put<T>(map: Record<string, T>, name: string, value: T): void {
  if (name === "__proto__") {
    Object.defineProperty(map, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    map[name] = value;
  }
}

/**
 * Headers with names that differ only in case merged (the later name and its values win), each
 * value list copied, names in the case given. @internal
 */
export function mergeHeaders(
  headers: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  const merged = new Map<string, [string, string[]]>();
  for (const name of Object.keys(headers)) {
    merged.set(name.toLowerCase(), [name, [...(headers[name] as readonly string[])]]);
  }
  const result: Record<string, string[]> = {};
  for (const [name, values] of merged.values()) put(result, name, values);
  return result;
}

/** A multi-value map with every value list copied. @internal */
export function copyMulti(
  map: Readonly<Record<string, readonly string[]>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (map === undefined) return result;
  for (const name of Object.keys(map)) put(result, name, [...(map[name] as readonly string[])]);
  return result;
}

/** A string map copied (each event owns its maps: a handler may change its event). @internal */
export function copyMap(map: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(map)) put(result, name, map[name] as string);
  return result;
}

/** REST single-value view: the last value of each key wins. @internal */
export function lastValues(multi: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(multi)) {
    const values = multi[name] as string[];
    put(result, name, values[values.length - 1] ?? "");
  }
  return result;
}

/** HTTP API view: repeated values joined with commas. @internal */
export function joinedValues(multi: Record<string, string[]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(multi)) put(result, name, (multi[name] as string[]).join(","));
  return result;
}

/** The same map with lower-case names (HTTP API events); a later name wins. @internal */
export function lowerCaseNames<T>(map: Record<string, T>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const name of Object.keys(map)) put(result, name.toLowerCase(), map[name] as T);
  return result;
}

/** `a=1&a=2&b=x%20y` from a multi-value query. @internal */
export function rawQueryString(multi: Record<string, string[]>): string {
  return Object.entries(multi)
    .flatMap(([name, values]) =>
      values.map((value) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    )
    .join("&");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `17/Jun/2024:15:02:03 +0000`, the CLF time API Gateway puts in `requestTime`. @internal */
export function clfTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** The first label of a domain name (`requestContext.domainPrefix`). @internal */
export function domainPrefix(domainName: string): string {
  const dot = domainName.indexOf(".");
  return dot === -1 ? domainName : domainName.slice(0, dot);
}

/**
 * The caller fields of `requestContext.identity` for an `AWS_IAM` method; `{}` without a caller.
 * @internal
 */
export function iamIdentityFields(
  caller: IamEventIdentity | undefined,
): Partial<AuthorizerRequestIdentity> {
  if (caller === undefined) return {};
  return {
    cognitoIdentityPoolId: caller.cognitoIdentityPoolId ?? null,
    accountId: caller.accountId,
    cognitoIdentityId: caller.cognitoIdentityId ?? null,
    caller: caller.caller,
    principalOrgId: caller.principalOrgId ?? null,
    accessKey: caller.accessKey,
    cognitoAuthenticationType: caller.cognitoAuthenticationType ?? null,
    cognitoAuthenticationProvider: caller.cognitoAuthenticationProvider ?? null,
    userArn: caller.userArn,
    user: caller.user ?? caller.caller,
  };
}
