import type { PolicyDocument } from "../document/policy-document.js";
import { type IacPolicyDocument, toIacPolicyDocument } from "./iac-policy-document.js";

/** The OpenAPI vendor extension that carries a REST API's resource policy. */
export interface OpenApiPolicyExtension {
  "x-amazon-apigateway-policy": IacPolicyDocument;
}

/**
 * Wraps a policy document in the `x-amazon-apigateway-policy` extension, to spread into the root
 * of an OpenAPI definition that is imported into API Gateway (`ImportRestApi`, `PutRestApi`,
 * `SpecRestApi`, `aws_api_gateway_rest_api.body`).
 *
 * @param policy - A policy document (object or JSON text), validated with `parsePolicyDocument`.
 * @returns `{ "x-amazon-apigateway-policy": document }`, a fresh object.
 * @throws PolicyError `invalid_policy` when `policy` is not a valid policy document.
 *
 * @example
 * ```ts
 * import { composeResourcePolicy, ipDenylist, toOpenApiPolicyExtension } from "@gatehouse/policy";
 *
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * const definition = {
 *   openapi: "3.0.1",
 *   info: { title: "pets", version: "1" },
 *   paths: {},
 *   ...toOpenApiPolicyExtension(policy),
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/openapi-extensions-policy.html
 * @see docs/policy/iac.md (OpenAPI)
 */
export function toOpenApiPolicyExtension(policy: PolicyDocument | string): OpenApiPolicyExtension {
  return { "x-amazon-apigateway-policy": toIacPolicyDocument(policy) };
}
