/**
 * @gatehouse/testing: AWS on loopback for tests.
 */

// @section loopback-server
export type {
  AllowedOrigins,
  LoopbackServerOptions,
} from "./loopback-server/loopback-server-options.js";

// @section sigv4-verifier
// The verifier itself lives in @gatehouse/sigv4 (production code imports it from there); it is
// re-exported here beside the server built on it, so existing test imports keep working.
export type {
  SigV4Acceptance,
  SigV4ErrorType,
  SigV4Rejection,
  SigV4RejectionCode,
  SigV4Verdict,
  SigV4VerifierCredentials,
  SigV4VerifierOptions,
  VerifiableRequest,
} from "@gatehouse/sigv4";
export { verifySigV4 } from "@gatehouse/sigv4";
export type {
  SigV4VerifierServer,
  SigV4VerifierServerOptions,
} from "./sigv4-verifier/start-sigv4-verifier.js";
export { startSigV4Verifier } from "./sigv4-verifier/start-sigv4-verifier.js";

// @section jwt
export { createTestIssuer } from "./jwt/create-test-issuer.js";
export type {
  JwksFault,
  JwksFaultOptions,
  MintOptions,
  RotateKeysOptions,
  TestAlg,
  TestIssuer,
  TestIssuerOptions,
  TestJwk,
} from "./jwt/test-issuer.js";

// @section events
export type {
  EventOptions,
  HttpEventOptions,
  IamIdentityOptions,
  MultiValueMap,
} from "./events/event-options.js";
export type { HttpApiV1EventOptions } from "./events/http-api-v1-event.js";
export { httpApiV1Event } from "./events/http-api-v1-event.js";
export type { HttpApiV2EventOptions } from "./events/http-api-v2-event.js";
export { httpApiV2Event } from "./events/http-api-v2-event.js";
export type { RestRequestEventOptions } from "./events/rest-request-event.js";
export { restRequestEvent } from "./events/rest-request-event.js";
export type { RestTokenEventOptions } from "./events/rest-token-event.js";
export { restTokenEvent } from "./events/rest-token-event.js";
export type { WebSocketConnectEventOptions } from "./events/web-socket-connect-event.js";
export { webSocketConnectEvent } from "./events/web-socket-connect-event.js";

// @section cognito-identity
export type {
  CognitoIdentityCalls,
  CognitoIdentityOperation,
  CognitoIdentityServer,
  CognitoIdentityServerOptions,
} from "./cognito-identity/cognito-identity-server.js";
export type { IamRoleConfig } from "./cognito-identity/iam-role-config.js";
export type {
  IdentityPoolConfig,
  IdentityPoolProviderConfig,
} from "./cognito-identity/identity-pool-config.js";
export type { IssuedCredentials } from "./cognito-identity/issued-credentials.js";
export { startCognitoIdentityServer } from "./cognito-identity/start-cognito-identity-server.js";

// @section certificates
export { createTestCertificateAuthority } from "./certificates/create-test-certificate-authority.js";
export type {
  TestCertificate,
  TestCertificateAuthority,
  TestCertificateAuthorityOptions,
  TestCertificateHash,
  TestCertificateKeyType,
  TestCertificateOptions,
  TestServerCertificateOptions,
} from "./certificates/test-certificate-authority.js";
