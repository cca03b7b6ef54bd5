import { PolicyError } from "../errors.js";
import { formatIpAddress, IP_REFUSAL_TEXT, readIpAddress } from "./ip-address.js";

/**
 * Reads a source address (`aws:SourceIp`, an event's `sourceIp`, an `X-Forwarded-For` entry) the
 * one way every part of Gatehouse reads it, and returns its canonical text: dotted decimal for
 * IPv4, RFC 5952 for IPv6 (lower case, zeros compressed).
 *
 * Normalised: upper-case hex, uncompressed or differently compressed IPv6, leading zeros in IPv6
 * groups, and IPv4-mapped IPv6 in any spelling (`::ffff:192.0.2.10`, `::FFFF:c000:20a`,
 * `0:0:0:0:0:ffff:192.0.2.10`), which becomes the IPv4 address: a dual-stack socket reports an
 * IPv4 caller that way, and it must match the IPv4 blocks of a policy. Refused, with a
 * {@link PolicyError} `invalid_ip_address` that says why: IPv4 octets with leading zeros
 * (`010.0.0.1`: octal 8 to some parsers, 10 to others), surrounding or inner whitespace, zone ids
 * (`fe80::1%eth0`), ports and brackets (`192.0.2.1:443`, `[2001:db8::1]`), and the other IPv6
 * forms that embed an IPv4 address (IPv4-compatible `::192.0.2.1`, IPv4-translated
 * `::ffff:0:192.0.2.1`, NAT64 `64:ff9b::192.0.2.1`), since whether they name the IPv4 caller is
 * ambiguous. On an authorization path a refused address must be treated as a refusal, never as
 * "not in the list": `evaluatePolicy` applies a Deny whose `IpAddress`/`NotIpAddress` condition
 * meets one, and the gateway model refuses it.
 *
 * @param input - The address, e.g. `::FFFF:192.0.2.10`.
 * @param path - Where the value came from, reported in the error (e.g. `sourceIp`).
 * @returns The canonical address, e.g. `192.0.2.10`.
 * @throws PolicyError `invalid_ip_address` (with `path`) when the address is refused.
 * @example
 * ```ts
 * normalizeIpAddress("::ffff:192.0.2.10"); // "192.0.2.10"
 * normalizeIpAddress("2001:0DB8:0:0::1"); // "2001:db8::1"
 * normalizeIpAddress("010.0.0.1"); // throws PolicyError invalid_ip_address (leading zero)
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function normalizeIpAddress(input: string, path?: string): string {
  if (typeof input !== "string") {
    throw invalidIpAddress(input, path, "not a string");
  }
  const read = readIpAddress(input);
  if (typeof read === "string") throw invalidIpAddress(input, path, IP_REFUSAL_TEXT[read]);
  return formatIpAddress(read);
}

/**
 * The error for a refused address; the value is shortened (an address is never a secret, but a
 * header value may be anything).
 * @internal
 */
export function invalidIpAddress(
  input: unknown,
  path: string | undefined,
  why: string,
): PolicyError {
  return new PolicyError(
    "invalid_ip_address",
    `Invalid IP address${path === undefined ? "" : ` at ${path}`}: ${why}`,
    {
      ...(path === undefined ? {} : { path }),
      expected: "an IPv4 address (no leading zeros) or an IPv6 address, without port or zone",
      actual: typeof input === "string" ? input.slice(0, 64) : typeof input,
    },
  );
}
