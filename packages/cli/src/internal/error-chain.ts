/**
 * The chain of `cause`s behind an error, as the CLI prints it: each link by its `code` (or its
 * `name`) and its message, with the hints the libraries attached, and stacks only on request.
 * Structured fields are read (`code`, `hint`, `errors`), messages are never parsed.
 */

/** One link of an error chain. @internal */
export interface ErrorLink {
  /** The error's `code` (`credentials_unavailable`, `ECONNREFUSED`), else its `name`. */
  label: string;
  /** The error's `code` when it has a string one. */
  code: string | undefined;
  /** 1 for the error's own `cause`, 2 for that one's, ... */
  depth: number;
  /** The error's `path` field (the libraries' option or document path), when it has one. */
  path: string | undefined;
  message: string;
  /** A fix in words, from the error's own `hint` field (identity-pool errors have one). */
  hint: string | undefined;
  stack: string | undefined;
}

/** Longest chain followed: causes are written by libraries, and a cycle must not hang the CLI. */
const MAX_DEPTH = 8;
/** At most this many errors of an `AggregateError` (one per address tried by `connect`). */
const MAX_AGGREGATE = 3;

function linkOf(error: unknown, depth: number): ErrorLink {
  if (!(error instanceof Error)) {
    const message = String(error);
    return {
      label: typeof error,
      code: undefined,
      depth,
      path: undefined,
      message,
      hint: undefined,
      stack: undefined,
    };
  }
  const { code, hint, path } = error as { code?: unknown; hint?: unknown; path?: unknown };
  const ownCode = typeof code === "string" && code !== "" ? code : undefined;
  return {
    label: ownCode ?? error.name,
    code: ownCode,
    depth,
    path: typeof path === "string" && path !== "" ? path : undefined,
    message: error.message,
    hint: typeof hint === "string" && hint !== "" ? hint : undefined,
    stack: error.stack,
  };
}

/**
 * The causes of `error` (not `error` itself), outermost first: `cause` links, and the errors of an
 * `AggregateError` (Node's `connect` reports one per address). Bounded and cycle-safe.
 * @internal
 */
export function causesOf(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const seen = new Set<unknown>([error]);
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || value === undefined || value === null || seen.has(value)) return;
    seen.add(value);
    links.push(linkOf(value, depth));
    if (value instanceof AggregateError) {
      for (const inner of value.errors.slice(0, MAX_AGGREGATE)) visit(inner, depth + 1);
    }
    if (value instanceof Error) visit(value.cause, depth + 1);
  };
  if (error instanceof AggregateError) {
    for (const inner of error.errors.slice(0, MAX_AGGREGATE)) visit(inner, 1);
  }
  if (error instanceof Error) visit(error.cause, 1);
  return links;
}

/** The first error in the chain (the error itself included) that passes `test`. @internal */
export function findInChain<T>(
  error: unknown,
  test: (value: unknown) => value is T,
): T | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_DEPTH && current !== undefined && current !== null; depth++) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    if (test(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

const JWT = /\beyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g;
const SIGNATURE = /(Signature=|X-Amz-Signature=)[0-9a-fA-F]{16,}/g;
const SECRET_ENV = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] as const;

/**
 * `text` with anything secret replaced: compact JWTs, SigV4 signatures, and the values of
 * `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` from `env`. The libraries keep secrets out of their
 * messages already; this guards what a cause from elsewhere (a config file, Node) may quote.
 * @internal
 */
export function scrubSecrets(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  let safe = text.replace(JWT, "<redacted jwt>").replace(SIGNATURE, "$1<redacted>");
  for (const name of SECRET_ENV) {
    const value = env[name];
    if (value !== undefined && value.length >= 8) safe = safe.split(value).join("<redacted>");
  }
  return safe;
}

/** Says a library path in the user's terms (`sourceIp` -> `--source-ip`), or `undefined`. @internal */
export type PathNamer = (path: string) => string | undefined;

const namers = new WeakMap<object, PathNamer>();

/**
 * Attaches to `error` how its causes' paths are said in the user's terms, so the printed cause
 * chain names flags too. Returns `error`.
 * @internal
 */
export function nameCausePaths<E extends object>(error: E, namer: PathNamer): E {
  namers.set(error, namer);
  return error;
}

/** A cause's message with its `path` in the user's terms, when `error` knows how. @internal */
export function causeMessage(error: unknown, link: ErrorLink): string {
  const namer = typeof error === "object" && error !== null ? namers.get(error) : undefined;
  if (namer === undefined || link.path === undefined) return link.message;
  const term = namer(link.path);
  return term === undefined ? link.message : link.message.split(link.path).join(term);
}
