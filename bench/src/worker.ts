/**
 * One run of one case, in its own process: `node worker.js <suite module> <case name>`.
 * Prints one JSON `Measurement` line on stdout. Runs by hand too, e.g. with `--cpu-prof`.
 */
import { pathToFileURL } from "node:url";
import { measure } from "./measure.js";
import type { Suite } from "./suite.js";

const [suitePath, caseName] = process.argv.slice(2);
if (!suitePath || !caseName) throw new TypeError("usage: worker.js <suite module> <case name>");

const suite = ((await import(pathToFileURL(suitePath).href)) as { default: Suite }).default;
const found = suite.cases.find((c) => c.name === caseName);
if (!found) throw new Error(`suite "${suite.name}" has no case "${caseName}"`);

await found.setup?.();
const { BENCH_WARMUP_MS: warmupMs = "250", BENCH_TIME_MS: timeMs = "500" } = process.env;
const result = await measure(found.fn, { warmupMs: Number(warmupMs), timeMs: Number(timeMs) });
// Exit once the line is flushed: a case may leave a socket or timer open (a keep-alive agent).
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
