/**
 * @gatehouse/sigv4: SigV4 signing for API Gateway, Lambda function URLs and WebSocket URLs.
 */

// @section errors
// @section credentials
// @section clock
// @section sign
// @section fetch
// @section explain
export {};
