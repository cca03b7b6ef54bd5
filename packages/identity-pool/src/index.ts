/**
 * @gatehouse/identity-pool: Cognito identity-pool credentials.
 */

// @section errors
export type {
  IdentityPoolErrorCode,
  IdentityPoolErrorOptions,
  IdentityPoolLocalErrorCode,
} from "./errors.js";
export { IdentityPoolError, isIdentityPoolError } from "./errors.js";
// @section client
export type {
  DeveloperIdentity,
  IdentityPoolCallOptions,
  IdentityPoolClient,
  IdentityPoolClientOptions,
  IdentityPoolCredentials,
  LoginsInput,
} from "./client/identity-pool-client.js";
export { createIdentityPoolClient } from "./client/create-identity-pool-client.js";
export type { RetryOptions } from "./retry-options.js";
// @section logins
export { loginsFromIdToken } from "./logins/logins-from-id-token.js";
// @section stores
export type { IdentityStore } from "./stores/identity-store.js";
export { localStorageIdentityStore } from "./stores/local-storage-identity-store.js";
export { memoryIdentityStore } from "./stores/memory-identity-store.js";
// @section developer
export type {
  DeveloperIdentityToken,
  DeveloperIdentityTokenOptions,
} from "./developer/get-open-id-token-for-developer-identity.js";
export { getOpenIdTokenForDeveloperIdentity } from "./developer/get-open-id-token-for-developer-identity.js";
