import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { LocalGatewayError } from "../errors.js";
import type { LocalGatewayConfig } from "./gateway-config.js";
import {
  type ConfigErrorLocation,
  checkSyntax,
  locateInStack,
} from "./internal/locate-config-error.js";

const TYPESCRIPT = new Set([".ts", ".mts", ".cts"]);

/**
 * @internal What to do about a TypeScript config the running Node cannot import. Node 20 has no
 * type stripping at all; 22.6+ strips types behind `--experimental-strip-types` (on by default
 * from 22.18 and 23.6).
 */
export function typeScriptHint(file: string, version = process.versions.node): string {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const stripFlag =
    major > 22 || (major === 22 && minor >= 6)
      ? " or run with node --experimental-strip-types (Node 22.6+; the default from 22.18 and 23.6)"
      : " (Node 22.6+ can also strip types with --experimental-strip-types)";
  const js = file.replace(/\.[cm]?ts$/, file.endsWith(".cts") ? ".cjs" : ".mjs");
  return `Node ${version} cannot import TypeScript: rename it to ${js} (plain JavaScript, JSDoc types are fine), or load a TypeScript loader first: NODE_OPTIONS="--import tsx" gatehouse dev ${file} (npm i -D tsx)${stripFlag}.`;
}

function loadFailed(
  file: string,
  message: string,
  options: { location?: ConfigErrorLocation; hint?: string; cause?: unknown; expected?: string },
): LocalGatewayError {
  const { location, hint, cause, expected } = options;
  const where = location === undefined ? file : `${file}:${location.line}:${location.column}`;
  return new LocalGatewayError("config_load_failed", `${where}: ${message}`, {
    path: file,
    file,
    detail: message,
    ...(location !== undefined ? { line: location.line, column: location.column } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...(expected !== undefined ? { expected } : {}),
    ...(cause !== undefined ? { cause } : {}),
  });
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Turns a failed `import()` of `file` into an error that says where and what to do. */
async function importFailure(file: string, cause: unknown): Promise<LocalGatewayError> {
  if (TYPESCRIPT.has(extname(file)) && codeOf(cause) === "ERR_UNKNOWN_FILE_EXTENSION") {
    return loadFailed(file, "cannot import a TypeScript config", {
      hint: typeScriptHint(file),
      cause,
    });
  }
  // An error thrown while the module ran points into the file; a syntax error does not (Node's ESM
  // loader gives no location), so the file is parsed again by `node --check`, which does.
  const thrown = locateInStack(cause, file);
  if (thrown !== undefined) {
    return loadFailed(file, `the config threw while loading: ${thrown.message}`, {
      location: thrown,
      cause,
    });
  }
  const syntax = TYPESCRIPT.has(extname(file)) ? undefined : await checkSyntax(file);
  if (syntax !== undefined) return loadFailed(file, syntax.message, { location: syntax, cause });
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return loadFailed(file, `cannot import the gateway config: ${detail}`, { cause });
}

/**
 * Loads a gateway configuration from a JavaScript module (`.mjs`, `.js`, `.cjs`; `.ts` / `.mts`
 * when the runtime can import TypeScript) whose default export is the config, a promise of it, or
 * a (possibly async) function returning it. JSON is refused: handlers and authorizers are
 * functions. The config is validated by {@link startLocalGateway}, not here.
 *
 * A failure says where: `file`, and for a syntax error or an error thrown while the module runs,
 * `line` and `column` (also at the start of the message: `gateway.config.mjs:3:20: SyntaxError:
 * ...`); a TypeScript config the runtime cannot import gets a `hint`. The original error is the
 * `cause`.
 *
 * @param path - file path, relative to `process.cwd()` or absolute.
 * @returns the config object.
 * @throws LocalGatewayError `config_load_failed` when the file is missing, cannot be imported, throws
 *   while it runs, or its default export is not an object with an `apis` array.
 * @throws TypeError when `path` is not a non-empty string.
 * @example
 * ```ts
 * // gateway.config.mjs: export default { apis: [...] };
 * const gw = await startLocalGateway(await loadGatewayConfig("gateway.config.mjs"));
 * ```
 */
export async function loadGatewayConfig(path: string): Promise<LocalGatewayConfig> {
  if (typeof path !== "string" || path === "")
    throw new TypeError("path must be a non-empty string");
  const file = resolve(path);
  if (/\.json$/i.test(path)) {
    throw loadFailed(
      file,
      "a gateway config is a JavaScript module (.mjs, .js, .cjs), not JSON: handlers are functions",
      {
        expected: "a .mjs, .js or .cjs file with a default export",
        hint: `Write ${file.replace(/\.json$/i, ".mjs")} with export default { apis: [...] }.`,
      },
    );
  }
  const found = await stat(file).catch(() => undefined);
  if (found === undefined || !found.isFile()) {
    throw loadFailed(file, found === undefined ? "no such file" : "not a file", {
      hint: "Give the path of a .mjs module whose default export is the gateway config.",
    });
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (cause) {
    throw await importFailure(file, cause);
  }
  let config: unknown = module.default;
  // A CommonJS module imported from ESM puts module.exports on `default`; a transpiled one nests it.
  if (typeof config === "object" && config !== null && "default" in config && !("apis" in config)) {
    config = (config as { default: unknown }).default;
  }
  try {
    if (typeof config === "function") config = await (config as () => unknown)();
    config = await config;
  } catch (cause) {
    const thrown = locateInStack(cause, file);
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw loadFailed(file, `the config's default export failed: ${detail}`, {
      ...(thrown !== undefined ? { location: thrown } : {}),
      cause,
    });
  }
  if (
    typeof config !== "object" ||
    config === null ||
    !Array.isArray((config as { apis?: unknown }).apis)
  ) {
    throw loadFailed(file, "the default export is not a gateway config", {
      expected: "an object with an apis array (or a function returning one)",
      hint: "End the file with export default { apis: [...] } (module.exports = ... in .cjs).",
    });
  }
  return config as LocalGatewayConfig;
}
