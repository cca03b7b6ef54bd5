// Types of figures.mjs for its test (the scripts are plain JavaScript).
export declare const IDS: {
  suites: Readonly<Record<string, string>>;
  cases: Readonly<Record<string, string>>;
  modules: Readonly<Record<string, string>>;
};
export declare function formatBytes(bytes: number): string;
export declare function formatDuration(ns: number): string;
export declare function formatRatio(ratio: number): string;
export declare function splitSizes(
  description: string,
): { name: string; initial: number; all: number; chunks: number }[];
export declare function lockedBenchVersions(lockfile: string): Record<string, string>;
export declare function packageId(name: string): string;
export declare function buildFigures(
  report: unknown,
  versions?: Readonly<Record<string, string>>,
): Map<string, string>;
export declare function readVersions(root?: string): Record<string, string>;
export declare function loadFigures(root?: string): Map<string, string>;
