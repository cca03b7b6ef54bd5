const RESERVED_BY_RFC3986 = /[!'()*]/g;

function hexEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * SigV4's `UriEncode`: every byte of the UTF-8 form percent-encoded (upper-case hex) except the
 * RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`; `/` is encoded too (callers put it back
 * in paths). `encodeURIComponent` leaves `!'()*` alone, so those are encoded here. Throws
 * `URIError` for a lone UTF-16 surrogate, which has no UTF-8 form.
 * @internal
 */
export function escapeUri(value: string): string {
  const encoded = encodeURIComponent(value);
  RESERVED_BY_RFC3986.lastIndex = 0;
  return RESERVED_BY_RFC3986.test(encoded)
    ? encoded.replace(RESERVED_BY_RFC3986, hexEscape)
    : encoded;
}
