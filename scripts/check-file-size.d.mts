// Types of check-file-size.mjs for its test (the scripts are plain JavaScript).
export interface FileSizeViolation {
  file: string;
  lines: number | null;
  code: "file_too_long" | "allowlist_stale" | "allowlist_reason_missing";
  message: string;
}
export declare const LIMIT: number;
export declare const ALLOWLIST: Readonly<Record<string, string>>;
export declare function countLines(text: string): number;
export declare function checkedFiles(root: string): string[];
export declare function checkFileSizes(
  root?: string,
  options?: { limit?: number; allowlist?: Readonly<Record<string, string>> },
): FileSizeViolation[];
