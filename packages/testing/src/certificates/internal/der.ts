/**
 * A minimal DER (X.690) encoder: just the types an X.509 v3 certificate needs. Node has no API to
 * create certificates and our dependency rules allow no library that does, so the test CA encodes
 * its `TBSCertificate` here and signs it with `node:crypto`.
 * @internal
 * @packageDocumentation
 */

/** @internal An encoded DER element (tag, length, contents). */
export type Der = Buffer;

/** @internal Definite-length encoding: short form below 128, long form above. */
export function encodeLength(length: number): Buffer {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError("DER length out of range");
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** @internal One element: `tag` byte, length, contents. */
export function element(tag: number, contents: Uint8Array): Der {
  return Buffer.concat([Buffer.from([tag]), encodeLength(contents.length), contents]);
}

/** @internal SEQUENCE of already-encoded elements. */
export function sequence(...items: readonly Der[]): Der {
  return element(0x30, Buffer.concat(items));
}

/** @internal SET of already-encoded elements, sorted as DER requires (X.690 11.6). */
export function set(...items: readonly Der[]): Der {
  return element(0x31, Buffer.concat([...items].sort(Buffer.compare)));
}

/**
 * @internal A non-negative INTEGER from big-endian magnitude bytes: leading zero bytes dropped,
 * one `0x00` added when the top bit is set (so it stays positive).
 */
export function unsignedInteger(magnitude: Uint8Array): Der {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  let bytes = Buffer.from(magnitude.subarray(start));
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return element(0x02, bytes);
}

/** @internal A small non-negative INTEGER. */
export function smallInteger(value: number): Der {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("INTEGER out of range");
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return unsignedInteger(Uint8Array.from(bytes));
}

/** @internal BOOLEAN (DER: `0xff` for true). */
export function boolean(value: boolean): Der {
  return element(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/** @internal NULL. */
export function nullValue(): Der {
  return Buffer.from([0x05, 0x00]);
}

/** @internal OBJECT IDENTIFIER from dotted form (`2.5.4.3`). */
export function objectIdentifier(dotted: string): Der {
  const arcs = dotted.split(".").map((arc) => {
    if (!/^(0|[1-9]\d*)$/.test(arc)) throw new RangeError(`bad OID arc in ${dotted}`);
    return BigInt(arc);
  });
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || first > 2n || (first < 2n && second > 39n)) {
    throw new RangeError(`bad OID ${dotted}`);
  }
  const bytes: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let value = arc >> 7n; value > 0n; value >>= 7n)
      chunk.unshift(Number(value & 0x7fn) | 0x80);
    bytes.push(...chunk);
  }
  return element(0x06, Buffer.from(bytes));
}

/** @internal BIT STRING with no unused bits. */
export function bitString(bytes: Uint8Array): Der {
  return element(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}

/**
 * @internal BIT STRING of named bits (bit 0 first, as in `KeyUsage`), DER-minimal: trailing zero
 * bits dropped and counted as unused.
 */
export function namedBits(bits: readonly number[]): Der {
  if (bits.length === 0) return element(0x03, Buffer.from([0]));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) {
    const index = Math.floor(bit / 8);
    bytes[index] = (bytes[index] as number) | (0x80 >> (bit % 8));
  }
  const unused = 7 - (highest % 8);
  return element(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** @internal OCTET STRING. */
export function octetString(bytes: Uint8Array): Der {
  return element(0x04, bytes);
}

/** @internal UTF8String. */
export function utf8String(text: string): Der {
  return element(0x0c, Buffer.from(text, "utf8"));
}

/** @internal PrintableString (caller checks the character set). */
export function printableString(text: string): Der {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(text)) throw new RangeError("not a PrintableString");
  return element(0x13, Buffer.from(text, "ascii"));
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * @internal `Time` as RFC 5280 4.1.2.5 requires: UTCTime (`YYMMDDHHMMSSZ`) for 1950-2049,
 * GeneralizedTime (`YYYYMMDDHHMMSSZ`) otherwise; whole seconds, UTC.
 */
export function time(date: Date): Der {
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 1 || year > 9999) {
    throw new RangeError("certificate time out of range");
  }
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  if (year >= 1950 && year < 2050) return element(0x17, Buffer.from(`${pad(year % 100)}${rest}`));
  return element(0x18, Buffer.from(`${pad(year, 4)}${rest}`));
}

/** @internal A context-specific, constructed, EXPLICIT tag (`[n]` around one element). */
export function explicit(tagNumber: number, inner: Der): Der {
  return element(0xa0 | tagNumber, inner);
}

/** @internal A context-specific, primitive, IMPLICIT tag (`[n]` with the given contents). */
export function implicitPrimitive(tagNumber: number, contents: Uint8Array): Der {
  return element(0x80 | tagNumber, contents);
}
