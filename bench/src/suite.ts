/**
 * What a suite file in `bench/cases/` declares. A suite module is loaded once per run, in a fresh
 * process, so module-level state prepared by `setup` belongs to that run only.
 */

export interface BenchCase {
  /** Shown in the report; unique within the suite. */
  name: string;
  /** The case every other case of the suite is compared with (at most one per suite). */
  baseline?: true;
  /** Runs once before warm-up, not timed. Throw here when the case would measure the wrong path. */
  setup?: () => void | Promise<void>;
  /** The operation measured. Return its result so the engine cannot drop the work. May be async. */
  fn: () => unknown;
}

/** A module whose size and load time the report shows. */
export interface ImportCostEntry {
  /** Shown in the report. */
  name: string;
  /** Bare specifier resolved from `bench/`, exactly as a user imports it. */
  specifier: string;
  /** Named exports kept (tree-shaken bundle); omitted: the whole module (`export *`). */
  exports?: readonly string[];
}

export interface Suite {
  name: string;
  /** One line under the suite's heading: what is measured and what the baseline stands for. */
  description: string;
  cases: readonly BenchCase[];
  importCost?: readonly ImportCostEntry[];
}

/** Declare a suite (the default export of a file in `bench/cases/`); checks names and baseline. */
export function defineSuite(suite: Suite): Suite {
  const names = new Set(suite.cases.map((c) => c.name));
  if (names.size !== suite.cases.length) {
    throw new TypeError(`suite "${suite.name}": case names must be unique`);
  }
  if (suite.cases.filter((c) => c.baseline).length > 1) {
    throw new TypeError(`suite "${suite.name}": at most one baseline case`);
  }
  return suite;
}
