import { describe, expect, it } from "vitest";
import { xmlText } from "./xml-text.js";

describe("xmlText", () => {
  it("returns the text of the first element", () => {
    expect(xmlText("<a><B>x</B><B>y</B></a>", "B")).toBe("x");
  });

  it("decodes the five named entities and numeric references", () => {
    expect(xmlText("<T>&lt;&gt;&amp;&quot;&apos;&#43;&#x2F;</T>", "T")).toBe(`<>&"'+/`);
  });

  it("leaves unknown entities as they are", () => {
    expect(xmlText("<T>&nbsp;</T>", "T")).toBe("&nbsp;");
  });

  it("unwraps CDATA without decoding inside it", () => {
    expect(xmlText("<T><![CDATA[a&amp;b]]></T>", "T")).toBe("a&amp;b");
  });

  it("accepts attributes and does not match a longer tag name", () => {
    expect(
      xmlText('<ErrorResponse xmlns="x"><Error a="1">e</Error></ErrorResponse>', "Error"),
    ).toBe("e");
  });

  it("raw keeps the inner XML undecoded (no double decoding)", () => {
    const inner = xmlText("<R><C><K>a&amp;lt;b</K></C></R>", "R", true) ?? "";
    expect(xmlText(inner, "K")).toBe("a&lt;b");
  });

  it("is undefined for a missing element", () => {
    expect(xmlText("<a/>", "B")).toBeUndefined();
  });
});
