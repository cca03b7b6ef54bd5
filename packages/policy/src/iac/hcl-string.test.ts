// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables and Terraform templates are literal text here.
import { describe, expect, it } from "vitest";
import { hclString } from "./hcl-string.js";

describe("hclString", () => {
  it.each([
    ["plain text", "execute-api:/*", '"execute-api:/*"'],
    ["a double quote", 'say "hi"', '"say \\"hi\\""'],
    ["a backslash", "a\\b", '"a\\\\b"'],
    ["newline, carriage return and tab", "a\nb\rc\td", '"a\\nb\\rc\\td"'],
    [
      "other control characters",
      "\u0000\u0008\u000c\u001f\u007f",
      '"\\u0000\\u0008\\u000c\\u001f\\u007f"',
    ],
    ["a policy variable", "user/${aws:username}", '"user/$${aws:username}"'],
    ["the IAM escapes", "${*}${?}${$}", '"$${*}$${?}$${$}"'],
    ["a template directive", "%{if x}", '"%%{if x}"'],
    ["an already doubled introducer", "$${x}", '"$$${x}"'],
    ["a lone dollar and percent", "$5 100% ${", '"$5 100% $${"'],
    ["non-ASCII text", "café ✓", '"café ✓"'],
  ])("escapes %s", (_name, input, expected) => {
    expect(hclString(input)).toBe(expected);
  });

  it("escapes `$` before `{` even at the end of the previous escape", () => {
    expect(hclString("\\${x}")).toBe('"\\\\$${x}"');
  });
});
