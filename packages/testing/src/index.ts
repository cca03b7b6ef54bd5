/**
 * @gatehouse/testing: AWS on loopback for tests.
 */

// @section sigv4-verifier
export {};
