import { describe, expect, it } from "vitest";
import { normalizeOrigin, originPolicy } from "./origin-policy.js";

describe("originPolicy", () => {
  const loopback = originPolicy("loopback", "test");

  it.each([
    "http://127.0.0.1",
    "http://127.0.0.1:5173",
    "http://localhost:3000",
    "https://localhost",
    "http://[::1]:8080",
  ])("allows the loopback page %s by default", (origin) => {
    expect(loopback(origin)).toBe(true);
  });

  it.each([
    "https://evil.example",
    "http://127.0.0.1.evil.example",
    "http://localhost.evil.example",
    "http://evil.example/http://127.0.0.1",
    "http://127.0.0.2",
    "null",
    "file://",
    "",
    "http://127.0.0.1:5173/",
  ])("refuses %j by default", (origin) => {
    expect(loopback(origin)).toBe(false);
  });

  it("allows exactly the listed origins, whatever case or trailing slash they were written in", () => {
    const allows = originPolicy(["HTTPS://App.Example.com/", "http://localhost:8080"], "test");
    expect(allows("https://app.example.com")).toBe(true);
    expect(allows("http://localhost:8080")).toBe(true);
    expect(allows("http://localhost:8081")).toBe(false);
    expect(allows("https://app.example.com.evil.example")).toBe(false);
  });

  it("drops a default port, as browsers do in Origin", () => {
    expect(normalizeOrigin("https://app.example.com:443")).toBe("https://app.example.com");
  });

  it.each([["*"], ["https://app.example.com/x"], ["https://app.example.com?x"], ["data:,x"]])(
    "refuses the entry %j with a TypeError naming the option",
    (entry) => {
      expect(() => originPolicy([entry], "startX")).toThrow(
        /^startX: options\.allowedOrigins\[0\] must be an origin/,
      );
    },
  );
});
