/**
 * @gatehouse/local-gateway: API Gateway's authorization layer on 127.0.0.1.
 */

// @section config
// @section server
export {};
