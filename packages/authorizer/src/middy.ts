/**
 * @gatehouse/authorizer/middy: the authorizer as a Middy middleware.
 */

// @section middy
export type {
  MiddyAuthorizerEvent,
  MiddyAuthorizerResult,
} from "./handler/gatehouse-authorizer-middleware.js";
export { gatehouseAuthorizer } from "./handler/gatehouse-authorizer-middleware.js";
