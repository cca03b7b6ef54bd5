import type { AllowedRoutes } from "@gatehouse/policy";
import {
  type AuthorizerErrorCode,
  authorizerError,
  familyOf,
  isAuthorizerError,
} from "../../errors.js";
import { newReads, type RequestReads } from "../../request/internal/request-view.js";
import type { JwtClaims, VerifiedToken } from "../../verifier/token-verifier.js";
import type {
  AuthorizeFunction,
  AuthorizeResult,
  AuthorizerHandler,
  AuthorizerHooks,
  AuthorizerOptions,
  AuthorizerResponse,
  DecisionLog,
  DecisionOutcome,
  EventShape,
} from "../authorizer-options.js";
import { buildRefusal, prepareResponse, type ResponseSettings, respond } from "./build-response.js";
import {
  authorizerRequest,
  cacheKey,
  identitySourceWarning,
  readsAreCovered,
  verifyContext,
  warner,
} from "./cache-inputs.js";
import { type Decision, DecisionCache } from "./decision-cache.js";
import { checkTokenCharacters, extractToken } from "./extract-token.js";
import { type RecognisedEvent, recogniseEvent } from "./recognise-event.js";
import { allowedRoutesFor } from "./route-rules.js";
import { type MethodArnOddity, ODDITY_MESSAGES } from "./unusual-arn.js";
import { type ResolvedOptions, validateOptions } from "./validate-options.js";

/** The only error a handler throws: API Gateway answers 401 to exactly this message. */
function unauthorized(): Error {
  return new Error("Unauthorized");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRequestOnly(allow: AllowedRoutes): boolean {
  return typeof allow === "object" && !Array.isArray(allow);
}

/** The default backend context: identity facts, flat strings, never the token. */
function defaultContext(verified: VerifiedToken): Record<string, unknown> {
  const { claims, scopes, groups } = verified;
  const { sub, token_use: tokenUse, client_id: clientId } = claims;
  // Plain assignments, in this order (spreads of conditional literals cost a microsecond).
  const context: {
    sub?: string;
    scope?: string;
    groups?: string;
    token_use?: string;
    client_id?: string;
  } = {};
  if (typeof sub === "string") context.sub = sub;
  if (scopes.length > 0) context.scope = scopes.join(" ");
  if (groups.length > 0) context.groups = groups.join(",");
  if (typeof tokenUse === "string") context.token_use = tokenUse;
  if (typeof clientId === "string") context.client_id = clientId;
  return context;
}

/** Maps a failure to the outcome it stands for. */
function classify(error: unknown): { outcome: DecisionOutcome; code: AuthorizerErrorCode } {
  if (!isAuthorizerError(error)) return { outcome: "error", code: "internal_error" };
  switch (familyOf(error.code)) {
    case "token":
      return { outcome: "unauthorized", code: error.code };
    case "access":
      return { outcome: "deny", code: error.code };
    default:
      return { outcome: "error", code: error.code };
  }
}

function internal(message: string, cause: unknown): never {
  // A user hook's or builder's own AuthorizerError keeps its code; anything else is internal.
  if (isAuthorizerError(cause)) throw cause;
  throw authorizerError("internal_error", message, { cause });
}

/**
 * The handler behind every factory: event -> shape -> token -> verify (or cache) -> decide ->
 * response built with `@gatehouse/policy` -> remember the decision.
 * @internal
 */
export function createHandler<C extends JwtClaims>(
  options: AuthorizerOptions<C>,
  shapes: readonly EventShape[],
  factory: string,
): AuthorizerHandler {
  const resolved: ResolvedOptions<C> = validateOptions(options, shapes, factory);
  const { verifier, hooks } = options;
  const { authorize, cacheInputs } = resolved;
  const settings: ResponseSettings = {
    simpleResponses: resolved.simpleResponses,
    nestedContext: resolved.nestedContext,
    tables: resolved.tables,
  };
  const cache =
    resolved.cache === false || resolved.cache.ttlSeconds === 0
      ? undefined
      : new DecisionCache<C>({ ...resolved.cache, now: resolved.now });
  const warn = warner(hooks);
  /** Undeclared inputs already warned about (once each). */
  const warned = new Set<string>();
  const coldStartWarning = identitySourceWarning(cacheInputs);
  if (coldStartWarning !== undefined) warn(coldStartWarning);
  const accepted = new Set(shapes);
  // serverless-offline's REST REQUEST and HTTP API 1.0 events are alike: the factory's shape wins.
  const emulatedV1 = accepted.has("rest-request") ? "rest-request" : "http-v1";
  /** Unusual event ARNs already reported (once each per handler: the gateway repeats them). */
  const reportedOddities = new Set<MethodArnOddity>();

  /** Reports an unusual ARN once per kind; in `"strict"` mode refuses it. */
  function checkArn(recognised: RecognisedEvent): void {
    for (const oddity of recognised.oddities) {
      if (!reportedOddities.has(oddity)) {
        reportedOddities.add(oddity);
        warn({ code: oddity, message: ODDITY_MESSAGES[oddity] });
      }
    }
    if (resolved.methodArn === "strict" && recognised.oddities.length > 0) {
      throw authorizerError(
        "invalid_event",
        `the event's ARN is not API Gateway's (${recognised.oddities.join(", ")}) and methodArn is "strict"`,
      );
    }
  }
  const contextOf =
    options.context === false
      ? undefined
      : (options.context ??
        (defaultContext as (verified: VerifiedToken<C>) => Record<string, unknown>));

  function principalOf(verified: VerifiedToken<C>): string {
    const option = options.principalId ?? "sub";
    let principal: unknown;
    if (typeof option === "string") {
      principal = verified.claims[option];
      if (typeof principal !== "string" || principal === "") {
        throw authorizerError(
          "missing_claim",
          `the token has no string "${option}" claim for the principalId`,
          {
            claim: option,
          },
        );
      }
      return principal;
    }
    try {
      principal = option(verified);
    } catch (cause) {
      internal("the principalId function threw", cause);
    }
    if (typeof principal !== "string" || principal === "") {
      throw authorizerError(
        "internal_error",
        "the principalId function did not return a non-empty string",
      );
    }
    return principal;
  }

  /** The part of a decision made without the `authorize` hook: principal, routes, context. */
  function decideByRules(verified: VerifiedToken<C>, event: RecognisedEvent): Decision<C> {
    const principalId = principalOf(verified);
    let ruleSet: readonly string[] | "stage";
    let context: Record<string, unknown> | undefined;
    try {
      ruleSet =
        resolved.routes === undefined
          ? "stage"
          : allowedRoutesFor(resolved.routes, verified, event.apiType);
      // The default context is a fresh object already; a user's function's result is copied.
      context =
        contextOf === undefined
          ? undefined
          : contextOf === defaultContext
            ? contextOf(verified)
            : { ...contextOf(verified) };
    } catch (cause) {
      internal("a route rule or the context function threw", cause);
    }
    return { verified, principalId, allow: ruleSet, context, usageIdentifierKey: undefined };
  }

  async function decideWithHook(
    authorize: AuthorizeFunction<C>,
    verified: VerifiedToken<C>,
    event: RecognisedEvent,
    reads: RequestReads,
  ): Promise<Decision<C>> {
    const byRules = decideByRules(verified, event);
    const ruleSet = byRules.allow as readonly string[] | "stage";
    let { principalId, context } = byRules;
    let allow: AllowedRoutes = ruleSet;
    let usageIdentifierKey: string | undefined;
    let result: AuthorizeResult;
    try {
      // Every read of request data is recorded: it decides whether the decision is cached.
      result = await authorize(verified, authorizerRequest(event, reads, ruleSet));
    } catch (cause) {
      internal("the authorize hook threw", cause);
    }
    if (!isObject(result))
      throw authorizerError("internal_error", "the authorize hook did not return an object");
    const value = result.allow;
    if (value === true) allow = ruleSet;
    else if (value === false) allow = [];
    else if (value === "stage" || Array.isArray(value) || isObject(value)) allow = value;
    else throw authorizerError("internal_error", "the authorize hook returned an unusable allow");
    if (result.context !== undefined) {
      if (!isObject(result.context))
        throw authorizerError(
          "internal_error",
          "the authorize hook returned a context that is not an object",
        );
      context = { ...context, ...result.context };
    }
    if (result.principalId !== undefined) {
      if (typeof result.principalId !== "string" || result.principalId === "") {
        throw authorizerError("internal_error", "the authorize hook returned an empty principalId");
      }
      principalId = result.principalId;
    }
    if (result.usageIdentifierKey !== undefined) {
      if (typeof result.usageIdentifierKey !== "string") {
        throw authorizerError(
          "internal_error",
          "the authorize hook returned a usageIdentifierKey that is not a string",
        );
      }
      usageIdentifierKey = result.usageIdentifierKey;
    }
    return { verified, principalId, allow, context, usageIdentifierKey };
  }

  /** Tells the `onDecision` hook (if any) how this event ended. */
  function emit(
    onDecision: AuthorizerHooks["onDecision"],
    started: number,
    outcome: DecisionOutcome,
    code: AuthorizerErrorCode | undefined,
    recognised: RecognisedEvent | undefined,
    principalId: string | undefined,
    cached: boolean,
  ): void {
    if (onDecision === undefined) return;
    try {
      // Plain assignments in the documented key order (spreads of conditional literals are slow).
      const log: DecisionLog = { outcome } as DecisionLog;
      if (code !== undefined) log.code = code;
      log.eventShape = recognised?.shape ?? "unknown";
      log.route = recognised?.route ?? null;
      if (principalId !== undefined) log.principalId = principalId;
      log.durationMs = performance.now() - started;
      log.cached = cached;
      const returned: unknown = onDecision.call(hooks, log);
      // An async hook's rejection must not become an unhandled rejection.
      if (returned instanceof Promise) returned.catch(() => undefined);
    } catch {
      // Observability never changes the decision.
    }
  }

  /**
   * Answers a failure: throws `Unauthorized`, or returns a refusal where configured and possible
   * (`refusable` is false for a shape this factory refuses).
   */
  function fail(
    error: unknown,
    onDecision: AuthorizerHooks["onDecision"],
    started: number,
    recognised: RecognisedEvent | undefined,
    refusable: boolean,
    principalId: string | undefined,
    cached: boolean,
  ): AuthorizerResponse {
    const { outcome, code } = classify(error);
    emit(onDecision, started, outcome, code, recognised, principalId, cached);
    const refuse =
      outcome === "deny" ||
      (outcome === "unauthorized" && resolved.onInvalidToken === "deny") ||
      (outcome === "error" && resolved.onInternalError === "deny");
    if (refuse && refusable && recognised !== undefined) {
      try {
        return buildRefusal(recognised, settings);
      } catch {
        // Fall through to 401.
      }
    }
    throw unauthorized();
  }

  /** The response of a decision for this event, built once per decision, copied per call. */
  function answer(
    decision: Decision<C>,
    onDecision: AuthorizerHooks["onDecision"],
    started: number,
    recognised: RecognisedEvent,
    cached: boolean,
  ): AuthorizerResponse {
    const principalId = decision.principalId;
    let built: { response: AuthorizerResponse; allowed: boolean };
    try {
      // Built once per decision (the cache key covers shape and stage); a hit only copies it and
      // matches this request's ARN against its resources.
      let prepared = decision.prepared;
      if (prepared === undefined) {
        try {
          prepared = { response: prepareResponse(recognised, decision, settings) };
        } catch (error) {
          prepared = { error };
        }
        decision.prepared = prepared;
      }
      if ("error" in prepared) throw prepared.error;
      built = respond(recognised, prepared.response, decision, settings);
    } catch (error) {
      return fail(error, onDecision, started, recognised, true, principalId, cached);
    }
    if (built.allowed) {
      emit(onDecision, started, "allow", undefined, recognised, principalId, cached);
    } else {
      emit(onDecision, started, "deny", "access_denied", recognised, principalId, cached);
    }
    return built.response;
  }

  /**
   * The miss path: verify, decide, remember, answer. Rejects with nothing but `Unauthorized`
   * (so the handler hands this promise out as it is).
   */
  async function verifyAndAnswer(
    token: string,
    recognised: RecognisedEvent,
    key: string | undefined,
    onDecision: AuthorizerHooks["onDecision"],
    started: number,
  ): Promise<AuthorizerResponse> {
    try {
      let decision: Decision<C>;
      try {
        const reads = newReads();
        const verified = await verifier.verify(token, verifyContext(recognised, reads));
        decision =
          authorize === undefined
            ? decideByRules(verified, recognised)
            : await decideWithHook(authorize, verified, recognised, reads);
        // Remembered only when everything the decision read is in its key (declared inputs).
        if (
          cache !== undefined &&
          key !== undefined &&
          !isRequestOnly(decision.allow) &&
          readsAreCovered(cacheInputs, reads, warned, warn)
        ) {
          cache.set(key, decision);
        }
      } catch (error) {
        return fail(error, onDecision, started, recognised, true, undefined, false);
      }
      return answer(decision, onDecision, started, recognised, false);
    } catch {
      // Belt and braces: whatever escapes, API Gateway must see exactly "Unauthorized".
      throw unauthorized();
    }
  }

  /**
   * Everything up to the verification runs synchronously: a decision-cache hit is answered with
   * no promise in between; a miss returns the promise of {@link verifyAndAnswer}.
   */
  function handle(rawEvent: unknown): AuthorizerResponse | Promise<AuthorizerResponse> {
    const onDecision = hooks?.onDecision;
    const started = onDecision === undefined ? 0 : performance.now();
    let recognised: RecognisedEvent;
    try {
      recognised = recogniseEvent(rawEvent, emulatedV1);
    } catch (error) {
      return fail(error, onDecision, started, undefined, true, undefined, false);
    }
    try {
      if (recognised.oddities.length > 0) checkArn(recognised);
      if (!accepted.has(recognised.shape)) {
        throw authorizerError(
          "invalid_event",
          `${factory} does not handle ${recognised.shape} events`,
        );
      }
    } catch (error) {
      return fail(error, onDecision, started, recognised, false, undefined, false);
    }
    let token: string;
    try {
      if (recognised.shape === "http-v1" && resolved.simpleResponses) {
        throw authorizerError("invalid_event", "simple responses need HTTP API payload format 2.0");
      }
      token = extractToken(recognised, resolved.sources);
      if (cache === undefined) checkTokenCharacters(token);
    } catch (error) {
      return fail(error, onDecision, started, recognised, true, undefined, false);
    }

    let key: string | undefined;
    if (cache !== undefined) {
      let decision: Decision<C> | undefined;
      try {
        key = cacheKey(cacheInputs, token, recognised);
        decision = cache.get(key);
        // With a cache, token68 is checked on a miss only: a hit is a string that passed it.
        if (decision === undefined) checkTokenCharacters(token);
      } catch (error) {
        return fail(error, onDecision, started, recognised, true, undefined, false);
      }
      if (decision !== undefined) return answer(decision, onDecision, started, recognised, true);
    }
    return verifyAndAnswer(token, recognised, key, onDecision, started);
  }

  return function gatehouseAuthorizer(event: unknown): Promise<AuthorizerResponse> {
    // Belt and braces: whatever escapes, API Gateway must see exactly "Unauthorized".
    try {
      const result = handle(event);
      // A promise is verifyAndAnswer's, which rejects with `Unauthorized` only.
      return result instanceof Promise ? result : Promise.resolve(result);
    } catch {
      return Promise.reject(unauthorized());
    }
  };
}
