declare const __GATEHOUSE_CLI_VERSION__: string | undefined;

/** The CLI's version: set by the build from package.json; `0.0.0-dev` when run from source. @internal */
export const CLI_VERSION: string =
  typeof __GATEHOUSE_CLI_VERSION__ === "string" ? __GATEHOUSE_CLI_VERSION__ : "0.0.0-dev";
