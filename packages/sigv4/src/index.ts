/**
 * @gatehouse/sigv4: SigV4 signing for API Gateway, Lambda function URLs and WebSocket URLs, and
 * verification of SigV4-signed requests for servers that accept them.
 */

// @section errors
export type { SigV4ErrorCode, SigV4ErrorOptions } from "./errors.js";
export { isSigV4Error, SigV4Error } from "./errors.js";
// @section credentials
export type {
  AwsCredentials,
  CredentialsInput,
  CredentialsProvider,
  CredentialsProviderOptions,
} from "./credentials/aws-credentials.js";
export { fromEnv } from "./credentials/from-env.js";
export type { EnvironmentVariables } from "./credentials/from-env.js";
export type { MemoizeCredentialsOptions } from "./credentials/memoize-credentials.js";
export { memoizeCredentials } from "./credentials/memoize-credentials.js";
// @section clock
export type { ClockOffset, ClockOffsetOptions } from "./clock/clock-offset.js";
export { createClockOffset } from "./clock/clock-offset.js";
// @section sign
export type {
  SignableBody,
  SignableHttpRequest,
  SignableRequest,
  SignedHttpRequest,
  SignedRequest,
  SigningDetails,
  SignOptions,
} from "./sign-request.js";
export { presignUrl } from "./presign-url.js";
export { signRequest } from "./sign-request.js";
// @section fetch
export type { SignedFetch, SignedFetchOptions } from "./signed-fetch.js";
export { createSignedFetch } from "./signed-fetch.js";
// @section explain
export type {
  SignatureMismatchDifference,
  SignatureMismatchExplanation,
} from "./explain/explain-signature-mismatch.js";
export { explainSignatureMismatch } from "./explain/explain-signature-mismatch.js";
// @section verify
export type {
  SigV4Acceptance,
  SigV4ErrorType,
  SigV4Rejection,
  SigV4RejectionCode,
  SigV4Verdict,
} from "./verify/sigv4-verdict.js";
export type {
  SigV4VerifierCredentials,
  SigV4VerifierOptions,
} from "./verify/sigv4-verifier-options.js";
export type { VerifiableRequest } from "./verify/verifiable-request.js";
export { verifySigV4 } from "./verify/verify-sigv4.js";
