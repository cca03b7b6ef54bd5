/**
 * The three kinds of API the gateway serves.
 * @internal
 * @packageDocumentation
 */
import type { ApiConfig } from "../gateway-config.js";

/** @internal */
export type ApiType = ApiConfig["type"];
