// Types of loopback-registry.mjs for its test (the scripts are plain JavaScript).
export interface LoopbackRegistry {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** Every request served, as `METHOD path -> status`. */
  requests: string[];
  close(): Promise<void>;
}
export declare function parseStoreEntry(
  entry: string,
): { name: string; version: string } | undefined;
export declare function compareVersions(a: string, b: string): number;
export declare function indexStore(root: string): Map<string, Map<string, string>>;
export declare function startLoopbackRegistry(options: { root: string }): Promise<LoopbackRegistry>;
