import type { SigV4ErrorType, SigV4Rejection, SigV4RejectionCode } from "../sigv4-verdict.js";

const errorTypes: Record<SigV4RejectionCode, SigV4ErrorType> = {
  missing_authentication: "MissingAuthenticationTokenException",
  incomplete_signature: "IncompleteSignatureException",
  unknown_access_key: "UnrecognizedClientException",
  invalid_token: "UnrecognizedClientException",
  signature_mismatch: "InvalidSignatureException",
  signature_expired: "InvalidSignatureException",
  wrong_scope: "InvalidSignatureException",
  presign_expired: "InvalidSignatureException",
};

/** A 403 verdict with API Gateway's error type for `code`. @internal */
export function reject(code: SigV4RejectionCode, message: string): SigV4Rejection {
  return { ok: false, code, status: 403, message, errorType: errorTypes[code] };
}
