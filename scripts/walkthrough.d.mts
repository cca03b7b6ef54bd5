// Types of walkthrough.mjs for its test (the scripts are plain JavaScript).
export interface WalkthroughStep {
  kind: "checkout" | "run" | "file";
  /** 1-based line of the marker. */
  line: number;
  lang: string;
  code: string;
  /** For `file` steps: the path in the project folder, from the fence title. */
  path?: string;
}
export declare const PROJECT: string;
export type WalkthroughErrorCode =
  | "unknown_marker"
  | "marker_without_block"
  | "unclosed_block"
  | "not_shell"
  | "file_without_path"
  | "path_outside_project"
  | "no_run_step"
  | "bad_argument"
  | "not_built";
export declare class WalkthroughError extends Error {
  readonly code: WalkthroughErrorCode;
}
export declare function parseWalkthrough(markdown: string): WalkthroughStep[];
export declare function buildSession(
  steps: WalkthroughStep[],
  options: { root: string; filesDir: string },
): string;
export declare function describeStep(step: WalkthroughStep): string;
export declare function defaultPages(root?: string): string[];
