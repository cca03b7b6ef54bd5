/** Why {@link verifySigV4} refused a request. Stable: switch on it. */
export type SigV4RejectionCode =
  /** No `Authorization` header and no `X-Amz-Algorithm` query parameter. */
  | "missing_authentication"
  /** A malformed or incomplete `Authorization` header or presigned query. */
  | "incomplete_signature"
  /** The access key id is not one the verifier knows. */
  | "unknown_access_key"
  /** The session token is missing, unexpected or different from the key's. */
  | "invalid_token"
  /** The recomputed signature differs from the one sent. */
  | "signature_mismatch"
  /** `X-Amz-Date` is further from the verifier's clock than `maxSkewSeconds`. */
  | "signature_expired"
  /** The credential scope names another date, region or service, or no `aws4_request` terminator. */
  | "wrong_scope"
  /** A presigned URL past `X-Amz-Date` + `X-Amz-Expires`, or with a lifetime over 7 days. */
  | "presign_expired";

/** The `x-amzn-ErrorType` API Gateway sends with each kind of refusal. */
export type SigV4ErrorType =
  | "MissingAuthenticationTokenException"
  | "IncompleteSignatureException"
  | "UnrecognizedClientException"
  | "InvalidSignatureException";

/** A request the verifier accepted: who signed it and how. */
export interface SigV4Acceptance {
  ok: true;
  /** The access key id of the credential scope. */
  accessKeyId: string;
  /** True for a presigned (query-string) request, false for an `Authorization` header. */
  presigned: boolean;
}

/** A request the verifier refused, with API Gateway's status, message text and error type. */
export interface SigV4Rejection {
  ok: false;
  code: SigV4RejectionCode;
  status: 403;
  /** API Gateway's message text; never contains a secret key, session token or signature. */
  message: string;
  /** The `x-amzn-ErrorType` header value API Gateway sends for this refusal. */
  errorType: SigV4ErrorType;
}

/** The outcome of {@link verifySigV4}. */
export type SigV4Verdict = SigV4Acceptance | SigV4Rejection;
