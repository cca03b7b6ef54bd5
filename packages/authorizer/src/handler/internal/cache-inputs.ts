/**
 * The decision cache's view of the request: the key (token, stage, and the declared inputs'
 * values), the recorded reads of a decision, and whether those reads let it be cached.
 * @internal
 * @packageDocumentation
 */
import {
  type CompiledInputs,
  covers,
  identitySourceHints,
  inputsKey,
  undeclaredReads,
} from "../../request/internal/decision-inputs.js";
import {
  createRequestInputs,
  READ_EVENT,
  type RequestReads,
} from "../../request/internal/request-view.js";
import type { RequestInputs } from "../../request/request-inputs.js";
import type { VerifyContext } from "../../verifier/token-verifier.js";
import type {
  AuthorizerHooks,
  AuthorizerRequest,
  AuthorizerWarning,
} from "../authorizer-options.js";
import { DecisionCache } from "./decision-cache.js";
import type { RecognisedEvent } from "./recognise-event.js";

/**
 * Sends a warning to `hooks.onWarning`, or to `console.warn` without one; never throws.
 * @internal
 */
export function warner(hooks: AuthorizerHooks | undefined): (warning: AuthorizerWarning) => void {
  return (warning) => {
    try {
      if (hooks?.onWarning !== undefined) hooks.onWarning(warning);
      // The documented default line, as the route table's: `[gatehouse] {code}: {message}`.
      else console.warn(`[gatehouse] ${warning.code}: ${warning.message}`);
    } catch {
      // A warning never changes a decision.
    }
  };
}

/**
 * The cold-start warning for declared inputs: API Gateway's own cache keys on identity sources.
 * @internal
 */
export function identitySourceWarning(inputs: CompiledInputs): AuthorizerWarning | undefined {
  if (inputs.empty) return undefined;
  const hints = identitySourceHints(inputs);
  return {
    code: "cache_inputs_need_identity_sources",
    message: `decisions depend on declared cacheInputs; API Gateway caches authorizer results by identity sources only, so add them to the authorizer's identity sources (REQUEST authorizers) or set its result TTL to 0: ${hints.join("; ")}`,
    inputs: hints.map((hint) => hint.slice(0, hint.indexOf(":"))),
  };
}

/**
 * The cache key of a request: SHA-256 of the token and the stage scope, plus the declared inputs'
 * raw values when there are any (none: exactly the key without inputs, no extra work).
 * @internal
 */
export function cacheKey(
  inputs: CompiledInputs,
  token: string,
  recognised: RecognisedEvent,
): string {
  return DecisionCache.key(
    token,
    inputs.empty
      ? recognised.cacheScope
      : `${recognised.cacheScope}\0${inputsKey(inputs, recognised)}`,
  );
}

/**
 * What the handler hands the verifier: the event (a read is recorded: the decision then depends
 * on anything) and the request read by declared input.
 * @internal
 */
export function verifyContext(recognised: RecognisedEvent, reads: RequestReads): VerifyContext {
  let request: RequestInputs | undefined;
  return {
    get event() {
      reads.flags |= READ_EVENT;
      return recognised.event;
    },
    get request() {
      request ??= createRequestInputs(recognised, reads, {});
      return request;
    },
  };
}

/**
 * The request an `authorize` hook sees, every read of request data recorded.
 * @internal
 */
export function authorizerRequest(
  recognised: RecognisedEvent,
  reads: RequestReads,
  allowedRoutes: readonly string[] | "stage",
): AuthorizerRequest {
  return createRequestInputs(recognised, reads, {
    shape: recognised.shape,
    apiType: recognised.apiType,
    stage: recognised.stage,
    allowedRoutes,
  });
}

/**
 * Whether a decision may be cached: everything it read is declared. Tells the operator once per
 * undeclared input when not.
 * @internal
 */
export function readsAreCovered(
  inputs: CompiledInputs,
  reads: RequestReads,
  warned: Set<string>,
  warn: (warning: AuthorizerWarning) => void,
): boolean {
  if (reads.flags === 0 && reads.headers === undefined && reads.queries === undefined) return true;
  if (covers(inputs, reads)) return true;
  const fresh = undeclaredReads(inputs, reads).filter((name) => !warned.has(name));
  if (fresh.length > 0) {
    for (const name of fresh) warned.add(name);
    warn({
      code: "undeclared_cache_input",
      message: `a decision read request data no cacheInputs declare (${fresh.join(", ")}): such decisions are not cached; declare them in authorize: { decide, cacheInputs } or resolveIssuer: { resolve, cacheInputs } (and as identity sources), and read them through the request object, not request.event`,
      inputs: fresh,
    });
  }
  return false;
}
