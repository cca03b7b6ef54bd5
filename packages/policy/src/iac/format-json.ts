/**
 * Writes a string as a quoted literal; `key` is the object key the string sits under (for a list
 * item, the key of the list), `undefined` for object keys themselves and top-level strings.
 * @internal
 */
export type QuoteString = (text: string, key: string | undefined) => string;

/**
 * Serialises `value` deterministically: keys in insertion order, `indent` spaces per level,
 * compact when `indent` is 0, strings written by `quote` (default `JSON.stringify`). `value` is
 * a validated policy document: only strings, finite numbers, booleans, arrays and plain objects.
 *
 * @internal
 */
export function formatJson(
  value: unknown,
  options: { indent: number; quote?: QuoteString },
): string {
  const quote: QuoteString = options.quote ?? ((text) => JSON.stringify(text));
  const pad = (depth: number): string => " ".repeat(options.indent * depth);
  const newline = options.indent === 0 ? "" : "\n";
  const colon = options.indent === 0 ? ":" : ": ";

  const write = (node: unknown, depth: number, key: string | undefined): string => {
    if (typeof node === "string") return quote(node, key);
    if (typeof node === "number" || typeof node === "boolean") return JSON.stringify(node);
    if (typeof node !== "object" || node === null) {
      throw new TypeError(`cannot write ${typeof node} as JSON`);
    }
    const list = Array.isArray(node);
    const entries: string[] = list
      ? node.map((item: unknown) => write(item, depth + 1, key))
      : Object.entries(node).map(
          ([name, item]) => `${quote(name, undefined)}${colon}${write(item, depth + 1, name)}`,
        );
    const [open, close] = list ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return open + close;
    const inner = entries.map((entry) => pad(depth + 1) + entry).join(`,${newline}`);
    return `${open}${newline}${inner}${newline}${pad(depth)}${close}`;
  };

  return write(value, 0, undefined);
}
