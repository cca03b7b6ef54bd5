/**
 * The only globals `@gatehouse/policy` may use: web-platform APIs that every runtime it targets
 * provides (Node >= 20, Lambda, browsers, web workers, Deno, Bun).
 *
 * Policy typechecks with `lib: ["ES2023"]` and no `@types/node` (packages/policy/tsconfig.json), so
 * anything not declared here (`Buffer`, `process`, `node:*` modules, `document`, `window`) is a
 * compile error in its standalone typecheck (`pnpm typecheck`). Add a global here only when every
 * one of those runtimes has it. Not part of the build output: the root typecheck and the other
 * packages see the full DOM and Node declarations instead.
 */

/** WHATWG Encoding: UTF-8 only. */
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

/** HTML: base64 to a binary string; throws on malformed input. */
declare function atob(data: string): string;

/** HTML timers (Node returns an object, browsers a number: callers keep the value opaque). */
declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(id: unknown): void;
