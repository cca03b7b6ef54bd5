/**
 * What an API's API-key settings mean, for `gatehouse audit`: the key source, which methods
 * require a key and which do not, and the settings that cannot work or are mistaken for
 * authorization.
 * @packageDocumentation
 */
import type { MethodAuthType } from "../gateway/api-gateway-access.js";
import type { ApiKeySource } from "./usage-plan-config.js";

/** One method of the API, as the audit reads it. */
export interface ApiKeyAuditMethod {
  /** `"GET /pets/{id}"` or `"$connect"`. */
  route: string;
  /** The method's authorization (`JWT` for JWT / Cognito authorizers in the local gateway). */
  authType: MethodAuthType | "JWT";
  apiKeyRequired: boolean;
}

/** The API's key settings. */
export interface ApiKeyAuditInput {
  apiKeySource: ApiKeySource;
  methods: readonly ApiKeyAuditMethod[];
  /** Ids of the usage plans that cover the API's stage. */
  usagePlans: readonly string[];
}

/** A stable code for each finding. */
export type ApiKeyFindingCode =
  /** A key-required method with no authorization: the key is the only gate, and keys do not authorize. */
  | "api_key_not_authorization"
  /** Key-required methods on a stage no usage plan covers: every request is refused (403). */
  | "api_key_without_usage_plan"
  /** Source `AUTHORIZER` on a key-required method without a Lambda authorizer: never a key (403). */
  | "api_key_source_without_authorizer";

/** One finding. */
export interface ApiKeyFinding {
  code: ApiKeyFindingCode;
  /** The method, when the finding is about one. */
  route?: string;
  message: string;
}

/**
 * The API-key part of an access audit.
 *
 * @example
 * ```ts
 * const audit: ApiKeyAudit = auditApiKeys({ apiKeySource: "HEADER", methods: [], usagePlans: [] });
 * audit.required; // []
 * ```
 */
export interface ApiKeyAudit {
  apiKeySource: ApiKeySource;
  /** Methods that require a key. */
  required: string[];
  /** Methods reachable without a key (when others require one, or plans cover the stage). */
  withoutKey: string[];
  usagePlans: string[];
  findings: ApiKeyFinding[];
}

/**
 * Reads an API's API-key settings: which methods require a key, which do not, and findings for
 * settings that cannot work (no usage plan, `AUTHORIZER` source without a Lambda authorizer) or
 * that treat a key as authorization (a key-required method with `NONE`: AWS warns that API keys
 * are not for authorization).
 *
 * @param input - The key source, the methods and the plans covering the stage.
 * @returns The lists and findings.
 * @example
 * ```ts
 * const audit = auditApiKeys({
 *   apiKeySource: "HEADER",
 *   methods: [{ route: "GET /feed", authType: "NONE", apiKeyRequired: true }],
 *   usagePlans: ["basic"],
 * });
 * audit.findings[0]?.code; // "api_key_not_authorization"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function auditApiKeys(input: ApiKeyAuditInput): ApiKeyAudit {
  const required = input.methods.filter((method) => method.apiKeyRequired);
  const findings: ApiKeyFinding[] = [];
  if (required.length > 0 && input.usagePlans.length === 0) {
    findings.push({
      code: "api_key_without_usage_plan",
      message:
        "methods require an API key but no usage plan covers this stage: every request to them is refused (403 INVALID_API_KEY)",
    });
  }
  for (const method of required) {
    if (method.authType === "NONE") {
      findings.push({
        code: "api_key_not_authorization",
        route: method.route,
        message:
          "requires an API key but has no authorization: a key identifies and meters a caller, it does not authorize (a key valid for one API of a plan opens every API of it)",
      });
    }
    if (input.apiKeySource === "AUTHORIZER" && method.authType !== "LAMBDA") {
      findings.push({
        code: "api_key_source_without_authorizer",
        route: method.route,
        message:
          "requires an API key from the authorizer (source AUTHORIZER) but has no Lambda authorizer to return usageIdentifierKey: always 403",
      });
    }
  }
  const metered = required.length > 0 || input.usagePlans.length > 0;
  return {
    apiKeySource: input.apiKeySource,
    required: required.map((method) => method.route),
    withoutKey: metered
      ? input.methods.filter((method) => !method.apiKeyRequired).map((method) => method.route)
      : [],
    usagePlans: [...input.usagePlans],
    findings,
  };
}
