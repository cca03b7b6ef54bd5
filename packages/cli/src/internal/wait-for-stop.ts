/**
 * Resolves when `signal` aborts or, without one, on the first SIGINT / SIGTERM (Ctrl-C).
 * @internal
 */
export function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  if (signal !== undefined) {
    if (signal.aborted) return Promise.resolve("aborted");
    return new Promise((resolve) =>
      signal.addEventListener("abort", () => resolve("aborted"), { once: true }),
    );
  }
  return new Promise((resolve) => {
    const stop = (name: string) => () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      resolve(name);
    };
    const onInt = stop("SIGINT");
    const onTerm = stop("SIGTERM");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
  });
}
