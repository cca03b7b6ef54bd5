import { PolicyError } from "../errors.js";
import {
  formatIpAddress,
  IP_REFUSAL_TEXT,
  type IpAddressBytes,
  type IpRefusal,
  normalizeIpv6Block,
  parseIpAddress,
  readIpAddress,
} from "./ip-address.js";

/** A parsed, normalised IPv4 or IPv6 block, as `aws:SourceIp`-style conditions compare them. */
export interface Cidr {
  version: 4 | 6;
  /** Network address with host bits cleared; IPv6 in RFC 5952 form (lower case, compressed). */
  address: string;
  /** Prefix length: 0-32 for IPv4, 0-128 for IPv6. A bare address has 32 or 128. */
  prefix: number;
  /** Canonical `address/prefix`, always with a prefix. */
  text: string;
}

const PREFIX = /^(?:0|[1-9][0-9]{0,2})$/;

function fail(input: unknown, path: string | undefined, reason: string): PolicyError {
  return new PolicyError(
    "invalid_cidr",
    `Invalid CIDR${path === undefined ? "" : ` at ${path}`}: ${reason}`,
    {
      ...(path === undefined ? {} : { path }),
      expected: "an IPv4 or IPv6 address or CIDR block such as 192.0.2.0/24 or 2001:db8::/32",
      actual: typeof input === "string" ? input.slice(0, 100) : input,
    },
  );
}

/**
 * Parses an IPv4 or IPv6 address or CIDR block strictly and normalises it.
 *
 * IPv4 octets with a leading zero (`010.0.0.1`) are rejected, since some parsers read them as
 * octal; so are short forms (`1.2.3`), zone ids (`fe80::1%eth0`), ports and brackets,
 * whitespace, and prefixes with a leading zero or above 32 / 128. Host bits are cleared
 * (`192.0.2.9/24` -> `192.0.2.0/24`), as IAM compares only the network part. Every RFC 4291 IPv6
 * text form is accepted (any case, `::`, leading zeros in groups, a dotted last part). An
 * IPv4-mapped block is the IPv4 block (`::ffff:192.0.2.0/120` -> `192.0.2.0/24`), since source
 * addresses are read that way too ({@link normalizeIpAddress}); blocks inside the other
 * embedded-IPv4 ranges (`::a.b.c.d`, `::ffff:0:a.b.c.d`, `64:ff9b::/96`) are rejected.
 *
 * @param input - The address or block, e.g. `2001:DB8::1/32`.
 * @param path - Where the value came from, reported in the error (e.g. `ipDenylist.cidrs[2]`).
 * @returns The block in canonical form.
 * @throws PolicyError `invalid_cidr` (with `path`) when the input is not a valid address or block.
 * @example
 * ```ts
 * parseCidr("2001:DB8:0:0::1/32").text; // "2001:db8::/32"
 * parseCidr("192.0.2.7").text; // "192.0.2.7/32"
 * parseCidr("::ffff:192.0.2.0/120").text; // "192.0.2.0/24"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function parseCidr(input: string, path?: string): Cidr {
  if (typeof input !== "string") throw fail(input, path, "not a string");
  const slash = input.indexOf("/");
  const addressText = slash === -1 ? input : input.slice(0, slash);
  let parsed: IpAddressBytes | undefined = parseIpAddress(addressText);
  if (parsed === undefined) {
    const reason = readIpAddress(addressText) as IpRefusal;
    throw fail(input, path, `"${addressText.slice(0, 60)}": ${IP_REFUSAL_TEXT[reason]}`);
  }
  const maxPrefix = parsed.version === 4 ? 32 : 128;
  let prefix = maxPrefix;
  if (slash !== -1) {
    const prefixText = input.slice(slash + 1);
    if (!PREFIX.test(prefixText))
      throw fail(input, path, "the prefix length must be a decimal number");
    prefix = Number(prefixText);
    if (prefix > maxPrefix)
      throw fail(input, path, `the prefix length must be at most ${maxPrefix}`);
  }
  const { bytes } = parsed;
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    const index = bit >> 3;
    bytes[index] = (bytes[index] as number) & ~(0x80 >> (bit & 7));
  }
  if (parsed.version === 6) {
    // An IPv4-mapped block is the IPv4 block (as source addresses are read); a block inside the
    // other embedded-IPv4 ranges would only ever hold addresses that are refused.
    const normalized = normalizeIpv6Block(bytes, prefix, addressText.includes("."));
    if (typeof normalized === "string") {
      throw fail(input, path, IP_REFUSAL_TEXT[normalized]);
    }
    if (normalized !== undefined) {
      parsed = normalized.address;
      prefix = normalized.prefix;
    }
  }
  const address = formatIpAddress(parsed);
  return Object.freeze({ version: parsed.version, address, prefix, text: `${address}/${prefix}` });
}
