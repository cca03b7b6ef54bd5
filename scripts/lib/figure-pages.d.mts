// Types of figure-pages.mjs for the tests (the scripts are plain JavaScript).
export interface FigureProblem {
  line: number;
  code:
    | "figure_stale"
    | "figure_unknown"
    | "figure_marker_unclosed"
    | "figure_marker_line_start"
    | "figure_unmarked";
  message: string;
}
export declare const LIMITS: readonly { phrase: string; why: string }[];
export declare const FIGURE_PATTERNS: Readonly<
  Record<"size" | "ratio" | "time" | "version", RegExp>
>;
export declare function pageFiles(root: string): string[];
export declare function findMarkers(text: string): {
  markers: { id: string; start: number; end: number; valueStart: number; valueEnd: number }[];
  problems: FigureProblem[];
};
export declare function rewritePage(text: string, figures: ReadonlyMap<string, string>): string;
export declare function checkPage(
  text: string,
  figures: ReadonlyMap<string, string>,
): FigureProblem[];
export declare function checkPages(
  root: string,
  figures: ReadonlyMap<string, string>,
): (FigureProblem & { file: string })[];
