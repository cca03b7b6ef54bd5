/** A stop request: resolves once, on abort or on the first SIGINT / SIGTERM. @internal */
export interface StopSignal {
  /** Resolves with `"aborted"`, `"SIGINT"` or `"SIGTERM"`. */
  readonly stopped: Promise<string>;
  /** Removes the process listeners (a second Ctrl-C then ends the process at once). */
  dispose(): void;
}

/**
 * Waits for `signal` to abort or, without one, for the first SIGINT / SIGTERM (Ctrl-C). The
 * process listeners are removed on the first signal and by `dispose()`, so a second Ctrl-C while
 * the command shuts down ends the process the default way.
 * @internal
 */
export function stopSignal(signal: AbortSignal | undefined): StopSignal {
  if (signal !== undefined) {
    let onAbort: () => void = () => {};
    const stopped = signal.aborted
      ? Promise.resolve("aborted")
      : new Promise<string>((resolve) => {
          onAbort = () => resolve("aborted");
          signal.addEventListener("abort", onAbort, { once: true });
        });
    return { stopped, dispose: () => signal.removeEventListener("abort", onAbort) };
  }
  let dispose: () => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    dispose = () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    };
    const stop = (name: string) => {
      dispose();
      resolve(name);
    };
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
  return { stopped, dispose: () => dispose() };
}

/**
 * Resolves when `promise` settles or after `ms`, whichever is first: `true` when it settled in
 * time. The timer does not keep the process alive.
 * @internal
 */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}
