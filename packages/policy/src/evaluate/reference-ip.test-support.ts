/**
 * TEST SUPPORT ONLY, part of the reference evaluator (`test-support.ts`): IP addresses and CIDR
 * blocks for `IpAddress` / `NotIpAddress`, by splitting strings (none of the package's `cidr/`
 * code). An address is a list of bits; a block is a prefix of bits.
 *
 * - IPv4: four decimal octets 0-255 without leading zeros; IPv6: RFC 4291 section 2.2 text (one
 *   `::` standing for at least one zero group, a dotted IPv4 tail allowed).
 * - A block is an address with an optional `/prefix`; a bare address is a /32 or /128 (IAM).
 * - IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is the IPv4 address, on both sides. Gatehouse refuses the
 *   other IPv6 forms that embed an IPv4 address (IPv4-compatible `::a.b.c.d`, RFC 2765
 *   `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96`) because whether they name the IPv4 caller is
 *   ambiguous; `::` and `::1` stay IPv6.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 * @see https://www.rfc-editor.org/rfc/rfc4291#section-2.2
 * @packageDocumentation
 */

/** An address as bits (32 for IPv4, 128 for IPv6). */
export type Bits = readonly number[];

/** A block: the network's first `prefix` bits. */
export interface Block {
  readonly bits: Bits;
  readonly prefix: number;
}

const bitsOf = (value: number, width: number): number[] =>
  Array.from({ length: width }, (_, i) => (value >> (width - 1 - i)) & 1);

function ipv4Bits(text: string): number[] | undefined {
  const octets = text.split(".");
  if (octets.length !== 4) return undefined;
  const bits: number[] = [];
  for (const octet of octets) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet) || Number(octet) > 255) return undefined;
    bits.push(...bitsOf(Number(octet), 8));
  }
  return bits;
}

function groupsBits(text: string, allowDottedTail: boolean): number[] | undefined {
  if (text === "") return [];
  const groups = text.split(":");
  const bits: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (allowDottedTail && index === groups.length - 1 && group.includes(".")) {
      const tail = ipv4Bits(group);
      if (tail === undefined) return undefined;
      bits.push(...tail);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      bits.push(...bitsOf(Number.parseInt(group, 16), 16));
    } else {
      return undefined;
    }
  }
  return bits;
}

function ipv6Bits(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  if (halves.length === 1) {
    const bits = groupsBits(text, true);
    return bits?.length === 128 ? bits : undefined;
  }
  const head = groupsBits(halves[0] as string, false);
  const tail = groupsBits(halves[1] as string, true);
  // `::` stands for one zero group at least.
  if (head === undefined || tail === undefined || head.length + tail.length > 112) {
    return undefined;
  }
  return [...head, ...new Array<number>(128 - head.length - tail.length).fill(0), ...tail];
}

/** Strictly parsed, no normalisation. */
function parseAddress(text: string): Bits | undefined {
  return text.includes(":") ? ipv6Bits(text) : ipv4Bits(text);
}

const bitsValue = (bits: Bits, from: number, to: number) =>
  bits.slice(from, to).reduce((acc, bit) => acc * 2 + bit, 0);

/** Which IPv4-embedding range the first 96 bits of an IPv6 address are in. */
function embedding(bits: Bits): "mapped" | "compatible" | "translated" | "nat64" | undefined {
  if (bitsValue(bits, 0, 32) === 0x0064ff9b && bitsValue(bits, 32, 96) === 0) return "nat64";
  if (bitsValue(bits, 0, 64) !== 0) return undefined;
  const high = bitsValue(bits, 64, 80);
  const low = bitsValue(bits, 80, 96);
  if (high === 0 && low === 0xffff) return "mapped";
  if (high === 0 && low === 0) return "compatible";
  if (high === 0xffff && low === 0) return "translated";
  return undefined;
}

/**
 * An IPv6 block (host bits clear) that embeds IPv4: the IPv4 block, `"refused"`, or `undefined`
 * to keep it as IPv6. `dotted`: the text wrote a dotted IPv4 tail.
 */
function embeddedIpv4(bits: Bits, prefix: number, dotted: boolean): Block | "refused" | undefined {
  if (prefix < 96) return undefined;
  const range = embedding(bits);
  if (range === undefined) return undefined;
  if (range === "mapped") return { bits: bits.slice(96), prefix: prefix - 96 };
  if (range === "compatible" && !dotted) {
    const tail = bitsValue(bits, 96, 128);
    if (tail === 0 || (prefix === 128 && tail === 1)) return undefined;
  }
  return "refused";
}

/** A request value (a source address); `undefined` when it is not a usable address. */
export function readRequestAddress(text: string): Bits | undefined {
  const bits = parseAddress(text);
  if (bits === undefined || bits.length === 32) return bits;
  const embedded = embeddedIpv4(bits, 128, text.includes("."));
  if (embedded === "refused") return undefined;
  return embedded === undefined ? bits : embedded.bits;
}

/** A policy value as a block; `undefined` when it is not one. */
export function readCidr(text: string): Block | undefined {
  const [address = "", prefixText, extra] = text.split("/");
  if (extra !== undefined) return undefined;
  const bits = parseAddress(address);
  if (bits === undefined) return undefined;
  let prefix = bits.length;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > bits.length) {
      return undefined;
    }
    prefix = Number(prefixText);
  }
  const network = bits.map((bit, i) => (i < prefix ? bit : 0));
  if (network.length === 32) return { bits: network, prefix };
  const embedded = embeddedIpv4(network, prefix, address.includes("."));
  if (embedded === "refused") return undefined;
  return embedded ?? { bits: network, prefix };
}

/** Same family, same first `prefix` bits. */
export function addressIn(address: Bits, block: Block): boolean {
  if (address.length !== block.bits.length) return false;
  return address.slice(0, block.prefix).every((bit, i) => bit === block.bits[i]);
}
