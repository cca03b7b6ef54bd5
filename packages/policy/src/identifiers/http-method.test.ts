import { describe, expect, it } from "vitest";
import { HTTP_METHODS, isHttpMethod, parseHttpMethod, parseRouteMethod } from "./http-method.js";

describe("HTTP methods", () => {
  it("are the seven verbs API Gateway routes", () => {
    expect(HTTP_METHODS).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
    for (const method of HTTP_METHODS) {
      expect(isHttpMethod(method)).toBe(true);
      expect(parseHttpMethod(method)).toBe(method);
      expect(parseRouteMethod(method)).toBe(method);
    }
  });

  it("accepts ANY for a route, never for a request", () => {
    expect(parseRouteMethod("ANY")).toBe("ANY");
    expect(() => parseHttpMethod("ANY")).toThrowCode("invalid_http_method", {
      message: expect.stringContaining("ANY names a route, never a request"),
    });
  });

  it("says to write lower-case verbs in upper case", () => {
    expect(isHttpMethod("get")).toBe(false);
    expect(() => parseRouteMethod("any", "apis[0].routes[1].method")).toThrowCode(
      "invalid_http_method",
      {
        path: "apis[0].routes[1].method",
        message:
          '"any" is not an HTTP method API Gateway routes (write ANY: methods are upper case)',
      },
    );
  });

  it.each([["CONNECT"], ["TRACE"], [""], ["*"], [undefined]])("refuses %j", (value) => {
    expect(() => parseRouteMethod(value)).toThrowCode("invalid_http_method", { path: "method" });
  });
});
