import { readFileSync } from "node:fs";
import type { Options } from "tsup";
import { packageConfig } from "../../tsup.config.base.js";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as {
  version: string;
};
const base = packageConfig(import.meta.dirname, { platform: "node" }) as Options;

// The exports-derived entries, plus the `gatehouse` bin. src/bin.ts starts with the
// `#!/usr/bin/env node` line: esbuild keeps an entry's hashbang and tsup marks the file executable
// (a global `banner` would also land in the library chunks).
export default {
  ...base,
  entry: { ...(base.entry as Record<string, string>), bin: "src/bin.ts" },
  // Types only for the library entries: the bin has no API.
  dts: { entry: base.entry as Record<string, string> },
  define: { __GATEHOUSE_CLI_VERSION__: JSON.stringify(pkg.version) },
} satisfies Options;
