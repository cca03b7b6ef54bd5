#!/usr/bin/env node
import { run } from "./run.js";

/**
 * How long the process may take to end by itself once the command has returned. A command closes
 * what it opened (`dev` closes its gateway and the servers its config started); anything left
 * (a timer or socket of a config, a keep-alive connection) must not keep the process up.
 */
const EXIT_GRACE_MS = 2000;

function finish(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}

run(process.argv.slice(2)).then(finish, (error: unknown) => {
  // run() never rejects; this is the last guard.
  process.stderr.write(`gatehouse: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(3);
});
