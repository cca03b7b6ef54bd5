import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { LocalGatewayError } from "../errors.js";
import type { LocalGatewayConfig } from "./gateway-config.js";

/**
 * Loads a gateway configuration from a JavaScript module (`.mjs`, `.js`, `.cjs`; `.ts` / `.mts`
 * when the runtime can import TypeScript) whose default export is the config, a promise of it, or
 * a (possibly async) function returning it. JSON is refused: handlers and authorizers are
 * functions. The config is validated by {@link startLocalGateway}, not here.
 *
 * @param path - file path, relative to `process.cwd()` or absolute.
 * @returns the config object.
 * @throws LocalGatewayError `config_load_failed` when the file cannot be imported or its default
 *   export is not an object with an `apis` array.
 * @example
 * ```ts
 * // gateway.config.mjs: export default { apis: [...] };
 * const gw = await startLocalGateway(await loadGatewayConfig("gateway.config.mjs"));
 * ```
 */
export async function loadGatewayConfig(path: string): Promise<LocalGatewayConfig> {
  if (typeof path !== "string" || path === "")
    throw new TypeError("path must be a non-empty string");
  if (/\.json$/i.test(path)) {
    throw new LocalGatewayError(
      "config_load_failed",
      "A gateway config is a JavaScript module (.mjs, .js, .cjs), not JSON: handlers are functions",
      {
        path,
        expected: "a .mjs, .js or .cjs file with a default export",
      },
    );
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  } catch (cause) {
    throw new LocalGatewayError("config_load_failed", `Cannot import the gateway config ${path}`, {
      path,
      cause,
    });
  }
  let config: unknown = module.default;
  // A CommonJS module imported from ESM puts module.exports on `default`; a transpiled one nests it.
  if (typeof config === "object" && config !== null && "default" in config && !("apis" in config)) {
    config = (config as { default: unknown }).default;
  }
  if (typeof config === "function") config = await (config as () => unknown)();
  config = await config;
  if (
    typeof config !== "object" ||
    config === null ||
    !Array.isArray((config as { apis?: unknown }).apis)
  ) {
    throw new LocalGatewayError(
      "config_load_failed",
      `The default export of ${path} is not a gateway config`,
      {
        path,
        expected: "an object with an apis array (or a function returning one)",
      },
    );
  }
  return config as LocalGatewayConfig;
}
