import { CliError } from "../errors.js";

/**
 * Library errors name the option path they were given (`ipDenylist.cidrs[0]`, `target.accountId`,
 * `jwksUri`); the user typed flags (`--deny-ip`, `--account`, `--jwks-uri`). These helpers say the
 * error in the user's terms.
 */

/**
 * A library option path, or a prefix of one, mapped to the flag (`--deny-ip`) or the argument
 * (`policy.json`) that gave it. A leading `*.` matches any first segment (`*.resources` is every
 * preset's `resources`).
 * @internal
 */
export type FlagPaths = Readonly<Record<string, string>>;

/** The values of a flag as the command passed them on, in order (comma lists already split). */
export type FlagValues = (flag: string) => readonly string[];

/** Longest quoted value shown; longer ones are cut (values here are CIDRs, ids and ARNs). */
const MAX_VALUE = 120;

function matchKey(path: string, key: string): number | undefined {
  let prefix = key;
  let offset = 0;
  if (key.startsWith("*.")) {
    const dot = path.indexOf(".");
    if (dot <= 0) return undefined;
    offset = dot + 1;
    prefix = key.slice(2);
  }
  const rest = path.slice(offset);
  if (rest === prefix) return offset + prefix.length;
  if (rest.startsWith(prefix) && (rest[prefix.length] === "." || rest[prefix.length] === "[")) {
    return offset + prefix.length;
  }
  return undefined;
}

function quote(value: string): string {
  return JSON.stringify(value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}...` : value);
}

/**
 * The user's words for a library path: `ipDenylist.cidrs[1]` -> `--deny-ip value #2 ("300.1.1.1")`,
 * `resourcePolicy.Statement[0].Effect` -> `policy.json at Statement[0].Effect`; `undefined` when no
 * entry of `paths` covers it. The value is added only when `valuesOf` knows it and `except` (the
 * message it goes into) does not quote it already.
 * @internal
 */
export function flagTerm(
  path: string,
  paths: FlagPaths,
  valuesOf?: FlagValues,
  except = "",
): string | undefined {
  let best: { key: string; end: number } | undefined;
  for (const key of Object.keys(paths)) {
    const end = matchKey(path, key);
    if (end !== undefined && (best === undefined || end > best.end)) best = { key, end };
  }
  if (best === undefined) return undefined;
  const target = paths[best.key] as string;
  let rest = path.slice(best.end);
  let term = target;
  if (target.startsWith("-")) {
    const values = valuesOf?.(target) ?? [];
    const index = /^\[(\d+)\]/.exec(rest);
    let value: string | undefined;
    if (index !== null) {
      const position = Number(index[1]);
      term += ` value #${position + 1}`;
      value = values[position];
      rest = rest.slice(index[0].length);
    } else if (rest === "" && values.length === 1) {
      value = values[0];
    }
    if (value !== undefined && !except.includes(JSON.stringify(value)))
      term += ` (${quote(value)})`;
  }
  rest = rest.startsWith(".") ? rest.slice(1) : rest;
  return rest === "" ? term : `${term} at ${rest}`;
}

/**
 * A library message with its path in the user's words: the path is replaced where the message
 * names it, else the term is put in front. `code` (when there is one) follows the flag.
 * @internal
 */
export function inFlagTerms(
  message: string,
  path: string | undefined,
  code: string | undefined,
  paths: FlagPaths,
  valuesOf?: FlagValues,
  source?: string,
): string {
  const withCode = (text: string) => (code === undefined ? text : `${code}: ${text}`);
  if (path === undefined || path === "") {
    return source === undefined ? withCode(message) : `${source}: ${withCode(message)}`;
  }
  const term =
    flagTerm(path, paths, valuesOf, message) ??
    (source === undefined ? path : `${source} at ${path}`);
  if (message.includes(path)) return withCode(message.split(path).join(term));
  return `${term}: ${withCode(message)}`;
}

/**
 * A `TypeError` message (no code, no path: the option is its first word) with option names
 * replaced by flags: `jwksUri must use https` -> `--jwks-uri must use https`.
 * @internal
 */
export function renameOptions(message: string, names: Readonly<Record<string, string>>): string {
  let renamed = message;
  for (const [name, flag] of Object.entries(names)) {
    renamed = renamed.replace(
      new RegExp(
        `(?<![\\w.-])(?:options\\.)?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`,
        "g",
      ),
      flag,
    );
  }
  return renamed;
}

/**
 * A library's `TypeError` (a wrong option) as a usage error in flag terms. The `TypeError` itself
 * is not kept as the cause (its message is the one reworded); what caused it is.
 * @internal
 */
export function optionError(
  error: TypeError,
  names: Readonly<Record<string, string>>,
  source?: string,
): CliError {
  const message = renameOptions(error.message, names);
  return new CliError("usage", source === undefined ? message : `${source}: ${message}`, {
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}
