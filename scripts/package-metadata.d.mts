// Types of package-metadata.mjs for its test (the scripts are plain JavaScript).
export interface PackageMetadata {
  repository: { type: "git"; url: string; directory: string };
  homepage: string;
  bugs: { url: string };
}
export interface MetadataProblem {
  where: string;
  field: string;
  code: "field_missing" | "field_mismatch" | "root_url_invalid";
  message: string;
}
export declare const DEFAULT_BRANCH: string;
export declare function forgeUrl(rootManifest: unknown): string;
export declare function expectedPackageMetadata(forge: string, dir: string): PackageMetadata;
export declare function expectedRootMetadata(forge: string): Omit<PackageMetadata, "repository">;
export declare function packageMetadataProblems(
  manifest: unknown,
  where: { forge: string; dir: string },
): MetadataProblem[];
export declare function publishedPackages(
  workspace?: string,
): { dir: string; manifest: Record<string, unknown> }[];
export declare function rootManifest(workspace?: string): Record<string, unknown>;
export declare function checkPackageMetadata(workspace?: string): MetadataProblem[];
export declare function writePackageMetadata(workspace?: string): void;
