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
    };
