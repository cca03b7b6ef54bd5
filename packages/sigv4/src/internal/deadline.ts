import { SigV4Error } from "../errors.js";

/**
 * Settles as `promise`, or rejects with `reason()` as soon as `signal` aborts (at once when it
 * already has). The listener is removed once either happens, so a long-lived signal does not
 * collect one listener per call.
 * @internal
 */
export function raceSignal<T>(
  promise: PromiseLike<T>,
  signal: AbortSignal,
  reason: () => unknown,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(reason());
    if (signal.aborted) {
      // Nobody waits for `promise` now: observe its rejection so it is not reported as unhandled.
      Promise.resolve(promise).catch(() => undefined);
      return abort();
    }
    signal.addEventListener("abort", abort, { once: true });
    const done = () => signal.removeEventListener("abort", abort);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

/**
 * The `aborted` error for a caller's signal, its reason kept as `cause`.
 * @internal
 */
export function abortedError(where: string, signal: AbortSignal): SigV4Error {
  return new SigV4Error("aborted", `${where}: aborted by the caller's signal`, {
    path: "options.signal",
    cause: signal.reason,
  });
}

/**
 * Checks an optional `signal` option (duck-typed: signals from another realm or a polyfill work).
 * @internal
 */
export function checkSignal(signal: unknown, name: string): AbortSignal | undefined {
  if (signal === undefined || signal === null) return undefined;
  const candidate = signal as Partial<AbortSignal>;
  if (typeof candidate.aborted !== "boolean" || typeof candidate.addEventListener !== "function") {
    throw new TypeError(`${name} must be an AbortSignal`);
  }
  return signal as AbortSignal;
}

/**
 * Providers made by `memoizeCredentials`: they bound their own waits (`timeoutMs`), so signing
 * with one adds no timer of its own.
 * @internal
 */
export const boundedProviders: WeakSet<object> = new WeakSet();

/**
 * The deadline for one call of a credentials provider, in milliseconds: `memoizeCredentials`'
 * default `timeoutMs`, and the bound `signRequest` puts on a provider that is not memoized. Above
 * `@gatehouse/identity-pool`'s 15 s, so that an identity-pool provider's own, more precise
 * timeout answers first.
 * @internal
 */
export const PROVIDER_TIMEOUT_MS = 20_000;
