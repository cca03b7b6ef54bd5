import type { IamResponseSpec } from "./build-iam-response.js";

/**
 * What each IAM-response builder is, shared by the plain builders and the memoising one.
 * @internal
 */
export const IAM_RESPONSE_SPECS = {
  rest: {
    arnField: "methodArn",
    apiType: "rest",
    context: "flat",
    reservedContextKeys: [],
    usageIdentifierKey: true,
  },
  httpV1: {
    arnField: "methodArn",
    apiType: "http",
    context: "flat",
    reservedContextKeys: ["claims"],
    usageIdentifierKey: false,
  },
  httpV2Iam: {
    arnField: "routeArn",
    apiType: "http",
    context: "json",
    reservedContextKeys: [],
    usageIdentifierKey: false,
  },
  webSocket: {
    arnField: "methodArn",
    apiType: "websocket",
    context: "flat",
    reservedContextKeys: [],
    usageIdentifierKey: true,
  },
  denyAll: {
    arnField: "arn",
    // Only the stage is used; no route template is compiled.
    apiType: "rest",
    context: "none",
    reservedContextKeys: [],
    usageIdentifierKey: false,
  },
} as const satisfies Record<string, IamResponseSpec>;
