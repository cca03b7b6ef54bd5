import { authorizerError, isAuthorizerError } from "../errors.js";
import type { JwksWaitOptions } from "../jwks/jwks-cache.js";
import type { DecisionInput } from "../request/decision-input.js";
import {
  compileDecisionInputs,
  inputsList,
  mergeInputs,
  NO_INPUTS,
} from "../request/internal/decision-inputs.js";
import {
  createRequestInputs,
  newReads,
  requestSourceOf,
} from "../request/internal/request-view.js";
import type { RequestInputs } from "../request/request-inputs.js";
import { DEFAULT_MAX_TOKEN_BYTES, decodeJwt } from "./internal/decode-jwt.js";
import { mapVerifyError } from "./internal/map-verify-error.js";
import type { JwtClaims, TokenVerifier, VerifiedToken, VerifyContext } from "./token-verifier.js";

/**
 * Picks the verifier for a token's UNVERIFIED `iss` at request time (multi-tenant APIs). Return a
 * verifier built from your own configuration (memoise it: each verifier owns a key cache), or
 * `null` for an unknown issuer. Never build a `jwksUri` from the token's `iss` without checking
 * it against an allowlist first.
 *
 * A resolver given as a function receives the raw event, so the handler does not cache the
 * decisions it takes part in (they may depend on anything in the event); declare what it reads
 * with {@link DeclaredIssuerResolver} to have them cached per declared input.
 */
export type IssuerResolver = (
  unverifiedIssuer: string,
  event: unknown,
) => Promise<TokenVerifier | null> | TokenVerifier | null;

/**
 * A resolver with the request data it reads: `resolve` gets the request by declared input
 * (`request.header("x-tenant")`), and the handler keys cached decisions by those inputs, so a
 * decision for one tenant is never reused for a request of another.
 *
 * @example
 * ```ts
 * declare const tenants: Map<string, { verifierFor(iss: string): TokenVerifier | null }>;
 * const resolveIssuer: DeclaredIssuerResolver = {
 *   cacheInputs: [{ header: "x-tenant" }],
 *   resolve: (iss, request) => tenants.get(request.header("x-tenant") ?? "")?.verifierFor(iss) ?? null,
 * };
 * ```
 */
export interface DeclaredIssuerResolver {
  resolve(
    unverifiedIssuer: string,
    request: RequestInputs,
  ): Promise<TokenVerifier | null> | TokenVerifier | null;
  /** What `resolve` reads of the request (validated now; also make them identity sources). */
  cacheInputs: readonly DecisionInput[];
}

/** Options of {@link multiIssuerVerifier}: a fixed list of verifiers, or a resolver. */
export type MultiIssuerVerifierOptions = (
  | {
      /** Verifiers whose `issuers` do not overlap; the token's `iss` picks one. */
      verifiers: readonly TokenVerifier[];
    }
  | {
      /** See {@link IssuerResolver} and {@link DeclaredIssuerResolver}. */
      resolveIssuer: IssuerResolver | DeclaredIssuerResolver;
    }
) & {
  /**
   * Longest token looked at before dispatching, in bytes (each verifier then applies its own).
   * @default 8192
   */
  maxTokenBytes?: number;
};

/**
 * One verifier for several issuers: reads the token's unverified `iss`, picks the verifier
 * configured for it, and lets that verifier check everything (signature included). An `iss` that
 * no verifier accepts fails with `invalid_issuer` before any key is fetched; keys are only ever
 * fetched from the chosen verifier's configured locations, never from a URL named by the token.
 *
 * @param options A list of `verifiers`, or `resolveIssuer` for tenants known at request time.
 * @returns A {@link TokenVerifier} whose `verify` throws only `AuthorizerError`.
 * @example
 * ```ts
 * const verifier = multiIssuerVerifier({
 *   verifiers: [
 *     cognitoVerifier({ userPoolId: "eu-west-1_AbCdEf123", clientId: "abc", tokenUse: "access" }),
 *     jwtVerifier({ issuer: "https://example.eu.auth0.com/", audience: "api", jwksUri, algorithms: ["RS256"] }),
 *   ],
 * });
 * ```
 */
export function multiIssuerVerifier<C extends JwtClaims = JwtClaims>(
  options: MultiIssuerVerifierOptions,
): TokenVerifier<C> {
  if (options === null || typeof options !== "object") {
    throw new TypeError("multiIssuerVerifier needs an options object");
  }
  const maxTokenBytes = options.maxTokenBytes ?? DEFAULT_MAX_TOKEN_BYTES;
  if (!Number.isInteger(maxTokenBytes) || maxTokenBytes <= 0) {
    throw new TypeError("maxTokenBytes must be a positive integer");
  }
  let byIssuer: Map<string, TokenVerifier> | undefined;
  let resolve: IssuerResolver | undefined;
  let declared: DeclaredIssuerResolver | undefined;
  let cacheInputs = NO_INPUTS;
  if ("verifiers" in options) {
    if (!Array.isArray(options.verifiers) || options.verifiers.length === 0) {
      throw new TypeError("verifiers must be a non-empty array");
    }
    byIssuer = new Map();
    for (const verifier of options.verifiers) {
      if (typeof verifier?.verify !== "function" || !Array.isArray(verifier.issuers)) {
        throw new TypeError("verifiers must be TokenVerifiers with issuers");
      }
      if (verifier.issuers === undefined || verifier.issuers.length === 0) {
        throw new TypeError("a verifier in verifiers names no issuer (use resolveIssuer)");
      }
      for (const issuer of verifier.issuers) {
        if (byIssuer.has(issuer)) throw new TypeError(`issuer ${issuer} is configured twice`);
        byIssuer.set(issuer, verifier);
      }
      // What the chosen verifier reads becomes what this one reads.
      if (verifier.cacheInputs !== undefined) {
        cacheInputs = mergeInputs(
          cacheInputs,
          compileDecisionInputs(verifier.cacheInputs, "verifiers[].cacheInputs"),
        );
      }
    }
  } else if (typeof options.resolveIssuer === "function") {
    resolve = options.resolveIssuer;
  } else if (typeof options.resolveIssuer === "object" && options.resolveIssuer !== null) {
    const { resolve: resolveFunction, cacheInputs: inputs, ...rest } = options.resolveIssuer;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) throw new TypeError(`unknown option "resolveIssuer.${unknown}"`);
    if (typeof resolveFunction !== "function") {
      throw new TypeError("resolveIssuer.resolve must be a function");
    }
    if (inputs === undefined) {
      throw new TypeError(
        "resolveIssuer.cacheInputs is required with resolve (the request data it reads; [] for none)",
      );
    }
    cacheInputs = compileDecisionInputs(inputs, "resolveIssuer.cacheInputs");
    declared = options.resolveIssuer;
  } else {
    throw new TypeError("multiIssuerVerifier needs verifiers or resolveIssuer");
  }
  const verifiers = byIssuer === undefined ? [] : [...new Set(byIssuer.values())];

  async function pick(
    iss: string,
    context: VerifyContext | undefined,
  ): Promise<TokenVerifier | null> {
    if (byIssuer !== undefined) return byIssuer.get(iss) ?? null;
    try {
      if (declared !== undefined) {
        // The handler's request records each read; used on its own, read the event here.
        const request =
          context?.request ?? createRequestInputs(requestSourceOf(context?.event), newReads(), {});
        return (await declared.resolve(iss, request)) ?? null;
      }
      // A function resolver gets the whole event (reading it makes the decision uncacheable).
      return (await resolve?.(iss, context?.event)) ?? null;
    } catch (error) {
      if (isAuthorizerError(error)) throw error;
      throw authorizerError("internal_error", "resolveIssuer failed", { cause: error });
    }
  }

  const declaredInputs = cacheInputs.empty ? undefined : Object.freeze(inputsList(cacheInputs));
  return {
    issuers: byIssuer === undefined ? [] : [...byIssuer.keys()],
    cacheInputs: declaredInputs,
    async verify(token: string, context?: VerifyContext): Promise<VerifiedToken<C>> {
      try {
        const iss = decodeJwt(token, maxTokenBytes).claims.iss;
        const verifier = iss === undefined ? null : await pick(iss, context);
        const accepted = verifier?.issuers ?? [];
        if (
          iss === undefined ||
          verifier === null ||
          (accepted.length > 0 && !accepted.includes(iss))
        ) {
          throw authorizerError("invalid_issuer", "JWT iss is not a configured issuer", {
            claim: "iss",
          });
        }
        return (await verifier.verify(token, context)) as VerifiedToken<C>;
      } catch (error) {
        throw mapVerifyError(error);
      }
    },
    async hydrate(options?: JwksWaitOptions): Promise<void> {
      const results = await Promise.allSettled(verifiers.map((v) => v.hydrate(options)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed !== undefined && results.every((r) => r.status === "rejected")) {
        throw mapVerifyError(failed.reason);
      }
    },
  };
}
