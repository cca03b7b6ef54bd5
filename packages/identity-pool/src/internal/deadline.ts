import { IdentityPoolError } from "../errors.js";

/**
 * @internal The error an aborted `signal` stands for: its reason when that is one of ours (a
 * deadline), else `aborted` with the caller's reason as `cause`.
 */
export const abortReason = (signal: AbortSignal): IdentityPoolError =>
  signal.reason instanceof IdentityPoolError
    ? signal.reason
    : new IdentityPoolError("aborted", "Aborted by the caller's signal", {
        cause: signal.reason,
      });

/**
 * @internal Settles as `value`, or rejects with {@link abortReason} as soon as `signal` aborts (at
 * once when it already has); the listener goes once either happens. Without a signal, `value` as
 * a promise.
 */
export const race = <T>(value: T | PromiseLike<T>, signal?: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const abort = () => reject(abortReason(signal as AbortSignal));
    if (signal?.aborted) abort();
    signal?.addEventListener("abort", abort);
    // `then` hands any rejection to `reject`, so the promise `finally` returns never rejects.
    Promise.resolve(value)
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener("abort", abort));
  });

/**
 * @internal A signal that aborts after `ms` with `timeout` ("`who`: no answer within `ms` ms
 * (`option`)", `operation`), or when `parent` aborts, with {@link abortReason} of the parent; and
 * the function that releases its timer and listener (call it once the work is done).
 */
export const deadline = (
  ms: number,
  who: string,
  option: string,
  operation?: string,
  parent?: AbortSignal,
): [AbortSignal, () => void] => {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new IdentityPoolError("timeout", `${who}: no answer within ${ms} ms (${option})`, {
          retryable: true,
          operation,
        }),
      ),
    ms,
  );
  const onParent = () => controller.abort(abortReason(parent as AbortSignal));
  if (parent?.aborted) onParent();
  parent?.addEventListener("abort", onParent);
  return [
    controller.signal,
    () => {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParent);
    },
  ];
};
