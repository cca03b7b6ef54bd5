/** The timed loop a worker process runs for one case. */

export interface MeasureOptions {
  /** Untimed warm-up, in milliseconds (lets the JIT settle and sizes the batch). */
  warmupMs: number;
  /** Length of the timed loop, in milliseconds. */
  timeMs: number;
}

export interface Measurement {
  opsPerSec: number;
  iterations: number;
  elapsedMs: number;
}

/** A batch of calls is timed as one, so the clock costs nothing next to the work. */
const TARGET_BATCH_NS = 2_000_000;

const now = (): bigint => process.hrtime.bigint();

/** Run `fn` for `warmupMs`, then count calls over `timeMs`. Awaits `fn` if it returns a promise. */
export async function measure(fn: () => unknown, options: MeasureOptions): Promise<Measurement> {
  const first = fn();
  const isAsync = first instanceof Promise;
  if (isAsync) await first;
  let sink: unknown;
  const batch = async (n: number): Promise<bigint> => {
    const t0 = now();
    if (isAsync) for (let i = 0; i < n; i++) sink = await fn();
    else for (let i = 0; i < n; i++) sink = fn();
    return now() - t0;
  };

  let size = 1;
  const warmupEnd = now() + BigInt(options.warmupMs) * 1_000_000n;
  while (now() < warmupEnd) {
    if ((await batch(size)) < TARGET_BATCH_NS && size < 2 ** 30) size *= 2;
  }

  const budget = BigInt(options.timeMs) * 1_000_000n;
  let elapsed = 0n;
  let iterations = 0;
  while (elapsed < budget) {
    elapsed += await batch(size);
    iterations += size;
  }
  // Keep the results observable so no call is optimised away.
  (globalThis as { benchSink?: unknown }).benchSink = sink;
  const elapsedMs = Number(elapsed) / 1e6;
  return { opsPerSec: (iterations / elapsedMs) * 1000, iterations, elapsedMs };
}
