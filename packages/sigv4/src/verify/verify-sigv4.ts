import { formatAmzDate } from "./internal/amz-date.js";
import { constantTimeEqual } from "./internal/constant-time-equal.js";
import { mismatchMessage } from "./internal/mismatch-message.js";
import { type ParsedSignature, parseSignature } from "./internal/parse-signature.js";
import { recomputeSignature } from "./internal/recompute-signature.js";
import { reject } from "./internal/reject.js";
import {
  type ResolvedVerifierOptions,
  resolveVerifierOptions,
} from "./internal/resolve-verifier-options.js";
import type { SigV4Rejection, SigV4Verdict } from "./sigv4-verdict.js";
import type { SigV4VerifierOptions } from "./sigv4-verifier-options.js";
import type { VerifiableRequest } from "./verifiable-request.js";

const MAX_PRESIGN_SECONDS = 604_800;
const INVALID_TOKEN = "The security token included in the request is invalid.";

function window(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min.` : `${seconds} sec.`;
}

function checkScope(
  parsed: ParsedSignature,
  settings: ResolvedVerifierOptions,
): SigV4Rejection | undefined {
  const { scope, amzDate } = parsed;
  const day = amzDate.slice(0, 8);
  if (scope.date !== day) {
    return reject(
      "wrong_scope",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${day}', from '${amzDate}'.`,
    );
  }
  if (scope.region !== settings.region) {
    return reject(
      "wrong_scope",
      `Credential should be scoped to a valid region, not '${scope.region}'. `,
    );
  }
  if (scope.service !== settings.service) {
    return reject(
      "wrong_scope",
      `Credential should be scoped to correct service: '${settings.service}'. `,
    );
  }
  if (scope.terminator !== "aws4_request") {
    return reject(
      "wrong_scope",
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'. `,
    );
  }
  return undefined;
}

function checkTime(
  parsed: ParsedSignature,
  settings: ResolvedVerifierOptions,
): SigV4Rejection | undefined {
  // Whole seconds, as X-Amz-Date has them, so the message's dates read consistently.
  const now = Math.floor(settings.now().getTime() / 1000) * 1000;
  const skewMs = settings.maxSkewSeconds * 1000;
  const signedAt = parsed.requestTime.getTime();
  const stamp = (ms: number) => formatAmzDate(new Date(ms));
  if (signedAt > now + skewMs) {
    return reject(
      "signature_expired",
      `Signature not yet current: ${parsed.amzDate} is still later than ${stamp(now + skewMs)} (${stamp(now)} + ${window(settings.maxSkewSeconds)})`,
    );
  }
  if (parsed.presigned) {
    const expires = parsed.expiresSeconds ?? 0;
    if (expires > MAX_PRESIGN_SECONDS) {
      return reject(
        "presign_expired",
        `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_SECONDS}, got ${expires}.`,
      );
    }
    if (now > signedAt + expires * 1000) {
      return reject(
        "presign_expired",
        `Signature expired: ${parsed.amzDate} is now earlier than ${stamp(now - expires * 1000)} (${stamp(now)} - ${window(expires)})`,
      );
    }
    return undefined;
  }
  if (signedAt < now - skewMs) {
    return reject(
      "signature_expired",
      `Signature expired: ${parsed.amzDate} is now earlier than ${stamp(now - skewMs)} (${stamp(now)} - ${window(settings.maxSkewSeconds)})`,
    );
  }
  return undefined;
}

/**
 * Verifies a SigV4-signed request as API Gateway's IAM authorization does: an `Authorization`
 * header or a presigned query, the credential scope, the access key and session token, the clock
 * skew or presign lifetime, and the signature, recomputed from what was received with the code
 * `signRequest` / `presignUrl` sign with, and compared in constant time. Refusals carry API
 * Gateway's status, message text and `x-amzn-ErrorType`; a refusal never names the secret key,
 * the session token or the signature. For servers that accept SigV4-signed requests: a local
 * gateway, a webhook receiver, a test double of an IAM-authorized API.
 *
 * @param request - the request as received (absolute URL, raw headers, full body).
 * @param options - the known keys, the region (and service) the scope must name, the clock.
 * @returns `{ ok: true, accessKeyId, presigned }` or `{ ok: false, code, status: 403, message, errorType }`.
 * @throws TypeError when the options are malformed.
 * @example
 * ```ts
 * const signed = await signRequest(
 *   { method: "GET", url: "http://127.0.0.1:8080/pets" },
 *   { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, region: "eu-west-1" },
 * );
 * const verdict = await verifySigV4(
 *   { method: signed.method, url: signed.url, headers: signed.headers, body: new Uint8Array() },
 *   { credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }], region: "eu-west-1" },
 * );
 * verdict.ok; // true
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */
export async function verifySigV4(
  request: VerifiableRequest,
  options: SigV4VerifierOptions,
): Promise<SigV4Verdict> {
  const settings = resolveVerifierOptions(options, "verifySigV4");
  const result = parseSignature(request);
  if (result.kind === "none")
    return reject("missing_authentication", "Missing Authentication Token");
  if (result.kind === "rejected") return result.rejection;
  const { parsed } = result;

  const scopeProblem = checkScope(parsed, settings);
  if (scopeProblem !== undefined) return scopeProblem;

  const key = settings.keys.get(parsed.accessKeyId);
  if (key === undefined) return reject("unknown_access_key", INVALID_TOKEN);
  if (key.sessionToken === undefined) {
    if (parsed.sessionToken !== undefined) return reject("invalid_token", INVALID_TOKEN);
  } else if (
    parsed.sessionToken === undefined ||
    !constantTimeEqual(parsed.sessionToken, key.sessionToken)
  ) {
    return reject("invalid_token", INVALID_TOKEN);
  }

  const timeProblem = checkTime(parsed, settings);
  if (timeProblem !== undefined) return timeProblem;

  let recomputed: Awaited<ReturnType<typeof recomputeSignature>>;
  try {
    recomputed = await recomputeSignature(request, parsed, {
      secretAccessKey: key.secretAccessKey,
      region: settings.region,
      service: settings.service,
      normalizePath: settings.normalizePath,
    });
  } catch {
    // The signer refused the received request (e.g. a header value it cannot sign): it cannot match.
    return reject("signature_mismatch", mismatchMessage(undefined));
  }
  const matches = constantTimeEqual(recomputed.signature, parsed.signature);
  // Normalising, the signed path may differ from the one received (`/a/../b` signs as `/b`): only
  // a target in the form a URL parser sends can be matched to what is routed. Literal
  // (normalizePath: false), the signature covers the target exactly as received.
  const ambiguous = settings.normalizePath && !parsed.wireIsSerialized;
  if (!matches || recomputed.signature === "" || ambiguous) {
    return reject("signature_mismatch", mismatchMessage(recomputed.signing));
  }
  return { ok: true, accessKeyId: parsed.accessKeyId, presigned: parsed.presigned };
}
