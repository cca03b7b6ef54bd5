/** Authorizer latency, ES256 (P-256): the cases of `authorizer-latency-rs256.ts`. */
import { latencySuite } from "./authorizer-latency-rs256.js";

export default latencySuite("ES256");
