/**
 * The IAM callers an `AWS_IAM` request may be signed by: the configured list, or what the
 * configured resolver answers for the request's access key id. `verifySigV4` of `@gatehouse/sigv4`
 * stays the only judge of the signature; this file only chooses which keys it is given.
 * @internal
 * @packageDocumentation
 */
import { randomBytes } from "node:crypto";
import type { ConditionContext, PolicyDocument } from "@gatehouse/policy";
import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import type { IamCredentialResolver } from "../../config/gateway-config.js";
import type { IncomingRequest } from "../../http/internal/incoming-request.js";

/** @internal An IAM caller as the decisions and events see it (no secret). */
export interface ResolvedCredential {
  accessKeyId: string;
  principalArn: string;
  accountId: string;
  orgId: string | undefined;
  policy: PolicyDocument | readonly PolicyDocument[] | null;
  /** The principal id in events (`caller`, `user`, `callerId`, `userId`). */
  callerId: string;
  sessionPolicy: PolicyDocument | null;
  /** Identity-pool credentials: the identity, as the events report it. */
  cognito: ResolvedCognitoIdentity | undefined;
  /**
   * The caller's own condition keys for the gateway model (`cognito-identity.amazonaws.com:*`,
   * `aws:PrincipalTag/*`, `aws:userid`...), without the keys the model derives itself.
   */
  context: ConditionContext;
}

/** @internal The Cognito identity of identity-pool credentials. */
export interface ResolvedCognitoIdentity {
  identityPoolId: string;
  identityId: string;
  authenticationType: "authenticated" | "unauthenticated";
  authenticationProvider: string | null;
  /** `cognito-identity.amazonaws.com:amr`: `authenticated` and the providers, or `unauthenticated`. */
  amr: readonly string[];
}

/** @internal A caller and the key pair the verifier checks its signature with. */
export interface KnownCredential {
  identity: ResolvedCredential;
  key: SigV4VerifierCredentials;
}

/** @internal Where the gateway's IAM callers come from. */
export type CredentialSource =
  | {
      kind: "list";
      byAccessKeyId: ReadonlyMap<string, KnownCredential>;
      /** The verifier's keys, computed once. */
      keys: readonly SigV4VerifierCredentials[];
    }
  | {
      kind: "resolver";
      resolve: IamCredentialResolver;
      /** Validates what the resolver returned (as at start for a list); throws when invalid. */
      check: (credential: unknown, accessKeyId: string) => KnownCredential;
    };

/** @internal The resolver threw, or returned something that is not a valid credential. */
export class CredentialResolverError extends Error {
  override readonly name = "CredentialResolverError";
}

/**
 * A key pair no request can be signed with (random id and secret, never shown): the verifier needs
 * at least one key, and with none known it must still answer "Missing Authentication Token" or
 * "The security token included in the request is invalid." as API Gateway does.
 */
const NO_KEY: SigV4VerifierCredentials = {
  accessKeyId: `GATEHOUSENOKEY${randomBytes(16).toString("hex").toUpperCase()}`,
  secretAccessKey: randomBytes(32).toString("base64"),
};

/** Access key ids are 16 to 128 characters; anything longer is not looked up. */
const MAX_ACCESS_KEY_ID = 128;
const HEADER_CREDENTIAL = /\bCredential=([^/,\s]+)\//;

/**
 * @internal The access key ids a request names (`Credential=` of the `Authorization` header,
 * `X-Amz-Credential` of a presigned query), only to know which keys to ask the resolver for: the
 * verifier parses the request itself and refuses a signature by any other key.
 */
export function accessKeyIdCandidates(request: IncomingRequest): string[] {
  const ids = new Set<string>();
  const add = (id: string | undefined) => {
    if (id !== undefined && id !== "" && id.length <= MAX_ACCESS_KEY_ID) ids.add(id);
  };
  for (const value of request.lowerHeaders["authorization"]?.slice(0, 2) ?? []) {
    add(HEADER_CREDENTIAL.exec(value)?.[1]);
  }
  for (const value of request.query["X-Amz-Credential"]?.slice(0, 2) ?? []) {
    add(value.split("/", 1)[0]);
  }
  return [...ids];
}

/**
 * @internal The callers the request may be signed by. With a resolver, it is asked for each access
 * key id the request names, and for nothing when it names none (an unsigned request).
 * @throws CredentialResolverError when the resolver throws or answers an invalid credential.
 */
export async function knownCredentials(
  source: CredentialSource,
  request: IncomingRequest,
): Promise<ReadonlyMap<string, KnownCredential>> {
  if (source.kind === "list") return source.byAccessKeyId;
  const known = new Map<string, KnownCredential>();
  for (const accessKeyId of accessKeyIdCandidates(request)) {
    let answer: unknown;
    try {
      answer = await source.resolve(accessKeyId);
    } catch (cause) {
      throw new CredentialResolverError("credentials resolver threw", { cause });
    }
    if (answer === undefined || answer === null) continue;
    try {
      known.set(accessKeyId, source.check(answer, accessKeyId));
    } catch (cause) {
      throw new CredentialResolverError("credentials resolver returned an invalid credential", {
        cause,
      });
    }
  }
  return known;
}

/** @internal The key pairs to give the verifier: the known ones, or one nobody can sign with. */
export function verifierKeys(
  known: ReadonlyMap<string, KnownCredential>,
): readonly SigV4VerifierCredentials[] {
  return known.size === 0 ? [NO_KEY] : [...known.values()].map((credential) => credential.key);
}
