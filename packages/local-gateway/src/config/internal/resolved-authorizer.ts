/**
 * A Lambda or JWT authorizer of an API, validated at start.
 * @internal
 * @packageDocumentation
 */
import type { JwtVerifierLike } from "../gateway-config.js";
import type { IdentitySource } from "./identity-source.js";

/** @internal */
export type ResolvedAuthorizer =
  | {
      kind: "lambda";
      name: string;
      type: "TOKEN" | "REQUEST";
      handler: (event: never) => unknown;
      ttlSeconds: number;
      identitySources: readonly IdentitySource[];
      validation: RegExp | undefined;
      payloadFormatVersion: "1.0" | "2.0";
      simpleResponses: boolean;
    }
  | {
      kind: "jwt";
      name: string;
      type: "JWT" | "COGNITO_USER_POOLS";
      verifier: JwtVerifierLike;
      identitySource: IdentitySource;
    }
  | {
      kind: "rest-jwt";
      name: string;
      type: "JWT";
      identitySource: IdentitySource;
      /** `defaultAlgorithms`. */
      algorithms: ReadonlySet<string>;
      /** By exact issuer URL. */
      issuers: ReadonlyMap<string, ResolvedRestJwtIssuer>;
    };

/** @internal One additional-claim rule of a REST JWT issuer, validated. */
export interface ResolvedClaimRule {
  claimName: string;
  /** `undefined`: any single string. */
  expectedValues: readonly string[] | undefined;
  required: boolean;
}

/** @internal One issuer of a REST JWT authorizer, validated. */
export interface ResolvedRestJwtIssuer {
  issuer: string;
  audiences: readonly string[];
  claims: readonly ResolvedClaimRule[];
  verifier: JwtVerifierLike;
}
