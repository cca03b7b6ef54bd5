const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * @internal The text of the first `<tag>` element in `xml` (attributes allowed, no namespace
 * prefix), with CDATA sections unwrapped and XML entities decoded; `undefined` when absent.
 * `raw` returns the inner XML undecoded, to look into it again (decoding twice would turn `&amp;lt;`
 * into `<`). Only for the fixed, non-recursive shapes STS answers with.
 */
export function xmlText(xml: string, tag: string, raw = false): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (match === null) return undefined;
  const inner = match[1] ?? "";
  return raw
    ? inner
    : inner.replace(
        /<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-f]+|#\d+|\w+);/gi,
        (whole, cdata: string | undefined, entity: string | undefined) => {
          if (cdata !== undefined) return cdata;
          if (entity?.[0] !== "#") return ENTITIES[entity ?? ""] ?? whole;
          const code =
            entity[1] === "x" || entity[1] === "X"
              ? Number.parseInt(entity.slice(2), 16)
              : Number(entity.slice(1));
          return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        },
      );
}
