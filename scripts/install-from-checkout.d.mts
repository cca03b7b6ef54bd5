// Types of install-from-checkout.mjs for its test (the scripts are plain JavaScript).
export interface WorkspacePackage {
  name: string;
  version: string;
  dir: string;
  /** The `@gatehouse/*` names among its dependencies, optional and peer dependencies. */
  dependencies: string[];
}
export interface ProjectManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [field: string]: unknown;
}
export declare const USAGE: string;
export type InstallErrorCode =
  | "unknown_option"
  | "no_package_named"
  | "unknown_package"
  | "missing_dependency"
  | "no_project"
  | "not_built"
  | "pack_failed"
  | "npm_failed";
export declare class InstallError extends Error {
  readonly code: InstallErrorCode;
}
export declare function parseArgs(argv: string[]): { dev: boolean; help: boolean; names: string[] };
export declare function readWorkspacePackages(root?: string): Map<string, WorkspacePackage>;
export declare function resolveNames(
  names: string[],
  packages: ReadonlyMap<string, WorkspacePackage>,
): string[];
export declare function dependencyClosure(
  names: string[],
  packages: ReadonlyMap<string, WorkspacePackage>,
): string[];
export declare function tarballName(name: string, version: string): string;
export declare function planInstall(input: {
  named: string[];
  project: ProjectManifest;
  packages: ReadonlyMap<string, WorkspacePackage>;
  packDir: string;
  projectDir: string;
}): { pack: string[]; args: string[]; manifest: ProjectManifest; changed: boolean };
