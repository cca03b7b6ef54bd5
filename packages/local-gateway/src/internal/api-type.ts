/**
 * The three kinds of API the gateway serves.
 * @internal
 * @packageDocumentation
 */
import type { ApiConfig } from "../config/gateway-config.js";

/** @internal */
export type ApiType = ApiConfig["type"];
