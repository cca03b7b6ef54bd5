import type { IpAddressBytes } from "./ip-address.js";
import { IP_REFUSAL_TEXT, parseIpAddress, readIpAddress } from "./ip-address.js";
import { invalidIpAddress } from "./normalize-ip-address.js";
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

// Callers test one address against many blocks in a row (a denylist): read it once for all.
let lastAddress: string | undefined;
let lastRead: ReturnType<typeof readIpAddress> | undefined;

function readAddress(address: string): ReturnType<typeof readIpAddress> {
  if (address !== lastAddress || lastRead === undefined) {
    lastRead = readIpAddress(address);
    lastAddress = address;
  }
  return lastRead;
}

/**
 * Tells whether an address lies inside a block, as the `IpAddress` condition operator does.
 *
 * The address is read as {@link normalizeIpAddress} reads it: an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`) is the IPv4 address, and ambiguous spellings (`010.0.0.1`, zone ids,
 * ports, other IPv6 forms embedding IPv4) are refused with an error rather than answered "not
 * inside", so that a denylist check cannot be passed by spelling an address differently.
 * Otherwise families are compared strictly: an IPv4 block never matches an IPv6 address and an
 * IPv6 block never matches an IPv4 address.
 *
 * @param cidr - A block from {@link parseCidr}, or its text (parsed on each call).
 * @param address - A bare IPv4 or IPv6 address such as a request's `sourceIp`.
 * @returns Whether the address is inside the block (`false` for the other family).
 * @throws PolicyError `invalid_cidr` when `cidr` is a string that is not a valid block, and
 *   `invalid_ip_address` when `address` is refused.
 * @example
 * ```ts
 * cidrContains("192.0.2.0/24", "192.0.2.77"); // true
 * cidrContains(parseCidr("2001:db8::/32"), "2001:db8:ffff::1"); // true
 * cidrContains("0.0.0.0/0", "::ffff:192.0.2.1"); // true (the IPv4 caller 192.0.2.1)
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function cidrContains(cidr: Cidr | string, address: string): boolean {
  const network = cidrNetwork(cidr);
  if (typeof address !== "string") throw invalidIpAddress(address, "address", "not a string");
  const candidate = readAddress(address);
  if (typeof candidate === "string") {
    throw invalidIpAddress(address, "address", IP_REFUSAL_TEXT[candidate]);
  }
  return networkContains(network, candidate);
}
