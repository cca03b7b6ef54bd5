/**
 * Quotes `value` as an HCL string literal whose value is exactly `value`: backslash, quote and
 * control characters escaped, and the template introducers `${` and `%{` doubled (`$${`, `%%{`) so
 * IAM policy variables such as `${aws:username}` reach AWS instead of being interpolated by
 * Terraform.
 *
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 * @internal
 */
export function hclString(value: string): string {
  let out = '"';
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    const next = value[index + 1];
    if ((char === "$" || char === "%") && next === "{") {
      out += char + char;
      continue;
    }
    const code = char.charCodeAt(0);
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}
