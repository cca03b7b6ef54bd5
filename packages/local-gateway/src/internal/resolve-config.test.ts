import { describe, expect, it } from "vitest";
import type { LocalGatewayConfig } from "../config/gateway-config.js";
import { isLocalGatewayError } from "../errors.js";
import { resolveConfig } from "./resolve-config.js";

const handler = () => ({ statusCode: 200 });

function codeOf(config: LocalGatewayConfig): string | undefined {
  try {
    resolveConfig(config);
    return undefined;
  } catch (error) {
    return isLocalGatewayError(error) ? `${error.code} ${error.path}` : `TypeError`;
  }
}

describe("resolveConfig", () => {
  it("refuses a TTL above 3600 s", () => {
    expect(
      codeOf({
        apis: [
          {
            type: "REST",
            authorizers: { a: { type: "TOKEN", handler, resultTtlInSeconds: 3601 } },
            routes: [],
          },
        ],
      }),
    ).toBe("invalid_config apis[0].authorizers.a.resultTtlInSeconds");
  });

  it("refuses caching without identity sources", () => {
    expect(
      codeOf({
        apis: [
          {
            type: "REST",
            authorizers: { a: { type: "REQUEST", handler, identitySources: [] } },
            routes: [],
          },
        ],
      }),
    ).toBe("invalid_config apis[0].authorizers.a.identitySources");
  });

  it("refuses identity sources written for another API type", () => {
    expect(
      codeOf({
        apis: [
          {
            type: "HTTP",
            authorizers: {
              a: {
                type: "REQUEST",
                handler,
                identitySources: ["method.request.header.Authorization"],
              },
            },
            routes: [],
          },
        ],
      }),
    ).toBe("invalid_config apis[0].authorizers.a.identitySources[0]");
  });

  it("refuses unknown authorizers, TOKEN on HTTP APIs and a malformed resource policy", () => {
    expect(
      codeOf({
        apis: [
          {
            type: "REST",
            routes: [{ method: "GET", resource: "/", auth: { authorizer: "x" }, handler }],
          },
        ],
      }),
    ).toMatch(/^invalid_config/);
    expect(
      codeOf({
        apis: [{ type: "HTTP", authorizers: { t: { type: "TOKEN", handler } }, routes: [] }],
      }),
    ).toMatch(/^invalid_config/);
    expect(
      codeOf({
        apis: [{ type: "REST", resourcePolicy: { Statement: "nope" } as never, routes: [] }],
      }),
    ).toMatch(/^invalid_config/);
  });

  it("requires an explicit identity policy (null for none) on IAM credentials", () => {
    expect(
      codeOf({
        apis: [{ type: "HTTP", routes: [] }],
        credentials: [
          {
            accessKeyId: "A",
            secretAccessKey: "s",
            principalArn: "arn:aws:iam::123456789012:user/a",
          } as never,
        ],
      }),
    ).toBe("TypeError");
  });
});
