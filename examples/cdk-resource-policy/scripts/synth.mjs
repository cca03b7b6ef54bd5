/**
 * `cdk synth` offline: no credentials, no network, no notices, version check or telemetry. The
 * stack is environment-agnostic, so the CLI needs no account; the region is a dummy value and
 * instance-metadata lookups are switched off so the AWS SDK never probes 169.254.169.254.
 * Prints how long the synth took.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cdk = createRequire(import.meta.url).resolve("aws-cdk/bin/cdk");

rmSync(new URL("../cdk.out", import.meta.url), { recursive: true, force: true });
const started = performance.now();
const result = spawnSync(
  process.execPath,
  [
    cdk,
    "synth",
    "--quiet",
    "--no-notices",
    "--no-version-reporting",
    "--no-asset-metadata",
    "--no-path-metadata",
    "--no-lookups",
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      CDK_DISABLE_VERSION_CHECK: "true",
      CDK_DISABLE_CLI_TELEMETRY: "true",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      // No profile or credentials from the developer's machine leak into the synth.
      AWS_PROFILE: "",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
  },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.status !== 0) {
  console.error(`cdk synth failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
  process.exit(1);
}
console.log(`cdk synth: ${seconds} s`);
