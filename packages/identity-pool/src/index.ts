/**
 * @gatehouse/identity-pool: Cognito identity-pool credentials.
 */

// @section errors
// @section client
// @section logins
// @section stores
// @section developer
export {};
