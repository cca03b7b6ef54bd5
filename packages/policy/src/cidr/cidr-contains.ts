import type { IpAddressBytes } from "./ip-address.js";
import { parseIpAddress } from "./ip-address.js";
import type { Cidr } from "./parse-cidr.js";
import { parseCidr } from "./parse-cidr.js";

/** A block as network bytes (host bits cleared) and a prefix length. @internal */
export interface CidrNetwork {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
  readonly prefix: number;
}

const parsedBlocks = new WeakMap<Cidr, CidrNetwork>();

/**
 * A block in the form {@link networkContains} compares against: parse a policy's blocks once, then
 * test many addresses.
 * @throws PolicyError `invalid_cidr` when `cidr` is not a valid block.
 * @internal
 */
export function cidrNetwork(cidr: Cidr | string): CidrNetwork {
  if (typeof cidr === "object" && cidr !== null) {
    const cached = parsedBlocks.get(cidr);
    if (cached !== undefined) return cached;
  }
  // A hand-built Cidr object is re-validated through its text rather than trusted.
  const parsed = parseCidr(typeof cidr === "string" ? cidr : cidr.text, "cidr");
  const network = parseIpAddress(parsed.address) as IpAddressBytes;
  const result: CidrNetwork = {
    version: network.version,
    bytes: network.bytes,
    prefix: parsed.prefix,
  };
  if (typeof cidr === "object") parsedBlocks.set(cidr, result);
  return result;
}

/**
 * Whether an address parsed once with `parseIpAddress` lies inside a block; `false` across
 * families.
 * @internal
 */
export function networkContains(network: CidrNetwork, candidate: IpAddressBytes): boolean {
  if (candidate.version !== network.version) return false;
  const { prefix } = network;
  const full = prefix >> 3;
  for (let i = 0; i < full; i++) {
    if (candidate.bytes[i] !== network.bytes[i]) return false;
  }
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((candidate.bytes[full] as number) & mask) === network.bytes[full];
}

// Callers test one address against many blocks in a row (a denylist): parse it once for all.
let lastAddress: string | undefined;
let lastParsed: IpAddressBytes | undefined;

function parseAddress(address: string): IpAddressBytes | undefined {
  if (address !== lastAddress) {
    lastParsed = parseIpAddress(address);
    lastAddress = address;
  }
  return lastParsed;
}

/**
 * Tells whether an address lies inside a block, as the `IpAddress` condition operator does.
 *
 * Families are compared strictly: an IPv4 block never matches an IPv6 address, not even the
 * IPv4-mapped `::ffff:192.0.2.1`, and an IPv6 block never matches an IPv4 address.
 *
 * @param cidr - A block from {@link parseCidr}, or its text (parsed on each call).
 * @param address - A bare IPv4 or IPv6 address such as a request's `sourceIp`.
 * @returns `false` when `address` is not an IP address or belongs to the other family.
 * @throws PolicyError `invalid_cidr` when `cidr` is a string that is not a valid block.
 * @example
 * ```ts
 * cidrContains("192.0.2.0/24", "192.0.2.77"); // true
 * cidrContains(parseCidr("2001:db8::/32"), "2001:db8:ffff::1"); // true
 * cidrContains("0.0.0.0/0", "::ffff:192.0.2.1"); // false
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function cidrContains(cidr: Cidr | string, address: string): boolean {
  const network = cidrNetwork(cidr);
  if (typeof address !== "string") return false;
  const candidate = parseAddress(address);
  return candidate !== undefined && networkContains(network, candidate);
}
