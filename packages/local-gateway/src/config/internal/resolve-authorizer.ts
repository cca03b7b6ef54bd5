/**
 * Validates one authorizer of an API (TOKEN, REQUEST, JWT, COGNITO_USER_POOLS) against the
 * API type that carries it.
 * @internal
 * @packageDocumentation
 */

import { LocalGatewayError } from "../../errors.js";
import type { AuthorizerConfig, JwtVerifierLike } from "../gateway-config.js";
import type { ApiType } from "./api-type.js";
import {
  invalid,
  kindOf,
  oneOf,
  optionalBoolean,
  optionalString,
  PAYLOAD_VERSIONS,
  requireFunction,
  requireObject,
  stringList,
} from "./config-fields.js";
import { parseIdentitySource, parseJwtIdentitySource } from "./identity-source.js";
import { resolveRestJwtAuthorizer } from "./resolve-rest-jwt-authorizer.js";
import type { ResolvedAuthorizer } from "./resolved-authorizer.js";

const DEFAULT_TTL = 300;
const MAX_TTL = 3600;

function resolveTtl(value: unknown, path: string): number {
  if (value === undefined) return DEFAULT_TTL;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TTL) {
    throw invalid(
      path,
      `must be an integer from 0 to ${MAX_TTL} (seconds; 0 turns caching off)`,
      "0..3600",
    );
  }
  return value;
}

/** @internal Checks one authorizer config of a `type` API and resolves its defaults. */
export function resolveAuthorizer(
  name: string,
  value: unknown,
  apiType: ApiType,
  path: string,
): ResolvedAuthorizer {
  const config = requireObject(value, path, "an authorizer object") as unknown as AuthorizerConfig &
    Record<string, unknown>;
  const defaultSource =
    apiType === "HTTP" ? "$request.header.Authorization" : "method.request.header.Authorization";
  switch (config.type) {
    case "TOKEN": {
      if (apiType !== "REST") {
        throw invalid(`${path}.type`, "TOKEN authorizers exist only on REST APIs (use REQUEST)");
      }
      requireFunction(config.handler, `${path}.handler`, "the authorizer's Lambda handler");
      const source = parseIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      if (source.kind !== "header") {
        throw invalid(
          `${path}.identitySource`,
          "must be a header: a TOKEN authorizer reads one header",
        );
      }
      const expression = optionalString(
        config.identityValidationExpression,
        `${path}.identityValidationExpression`,
      );
      let validation: RegExp | undefined;
      if (expression !== undefined) {
        try {
          validation = new RegExp(`^(?:${expression})$`);
        } catch (cause) {
          throw new LocalGatewayError(
            "invalid_config",
            `${path}.identityValidationExpression does not compile as a regular expression: ${(cause as Error).message}`,
            { path: `${path}.identityValidationExpression`, cause },
          );
        }
      }
      return {
        kind: "lambda",
        name,
        type: "TOKEN",
        handler: config.handler as (event: never) => unknown,
        ttlSeconds: resolveTtl(config.resultTtlInSeconds, `${path}.resultTtlInSeconds`),
        identitySources: [source],
        validation,
        payloadFormatVersion: "1.0",
        simpleResponses: false,
      };
    }
    case "REQUEST": {
      requireFunction(config.handler, `${path}.handler`, "the authorizer's Lambda handler");
      const ttlSeconds = resolveTtl(config.resultTtlInSeconds, `${path}.resultTtlInSeconds`);
      const texts =
        config.identitySources === undefined
          ? [defaultSource]
          : stringList(config.identitySources, `${path}.identitySources`);
      const identitySources = texts.map((text, index) =>
        parseIdentitySource(text, apiType, `${path}.identitySources[${index}]`),
      );
      if (ttlSeconds > 0 && identitySources.length === 0) {
        throw invalid(
          `${path}.identitySources`,
          "is empty, but caching needs at least one identity source (or set resultTtlInSeconds: 0)",
        );
      }
      if (apiType !== "HTTP" && config.payloadFormatVersion !== undefined) {
        throw invalid(`${path}.payloadFormatVersion`, "applies to HTTP APIs only");
      }
      const payloadFormatVersion = oneOf<"1.0" | "2.0">(
        config.payloadFormatVersion,
        PAYLOAD_VERSIONS,
        "2.0",
        `${path}.payloadFormatVersion`,
      );
      const simpleResponses = optionalBoolean(
        config.enableSimpleResponses,
        `${path}.enableSimpleResponses`,
      );
      if (simpleResponses && (apiType !== "HTTP" || payloadFormatVersion !== "2.0")) {
        throw invalid(`${path}.enableSimpleResponses`, "needs an HTTP API and payload format 2.0");
      }
      return {
        kind: "lambda",
        name,
        type: "REQUEST",
        handler: config.handler as (event: never) => unknown,
        ttlSeconds,
        identitySources,
        validation: undefined,
        payloadFormatVersion: apiType === "HTTP" ? payloadFormatVersion : "1.0",
        simpleResponses,
      };
    }
    case "JWT":
    case "COGNITO_USER_POOLS": {
      if (config.type === "JWT" && apiType === "REST") {
        return resolveRestJwtAuthorizer(name, config, path);
      }
      if (config.type === "JWT" && apiType !== "HTTP") {
        throw invalid(`${path}.type`, "JWT authorizers exist only on HTTP and REST APIs");
      }
      if (config.type === "COGNITO_USER_POOLS" && apiType !== "REST") {
        throw invalid(
          `${path}.type`,
          "COGNITO_USER_POOLS authorizers exist only on REST APIs (HTTP: JWT)",
        );
      }
      // A class instance is fine (jwtVerifier returns one): only the method matters.
      const verifier = config.verifier as unknown;
      if (
        typeof verifier !== "object" ||
        verifier === null ||
        typeof (verifier as { verify?: unknown }).verify !== "function"
      ) {
        throw invalid(
          `${path}.verifier`,
          `must be an object with a verify(token) method (jwtVerifier(...) or cognitoVerifier(...) of @gatehouse/authorizer), got ${kindOf(verifier)}`,
        );
      }
      const source = parseJwtIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      return {
        kind: "jwt",
        name,
        type: config.type,
        verifier: verifier as JwtVerifierLike,
        identitySource: source,
      };
    }
    default: {
      const type: unknown = (config as { type?: unknown }).type;
      throw invalid(
        `${path}.type`,
        `must be "TOKEN", "REQUEST", "JWT" or "COGNITO_USER_POOLS", got ${typeof type === "string" ? JSON.stringify(type.slice(0, 40)) : kindOf(type)}`,
        "TOKEN, REQUEST, JWT or COGNITO_USER_POOLS",
      );
    }
  }
}
