/**
 * A stand-in for the Lambda Node.js runtime, run in a fresh process per bundle:
 * `node --no-experimental-require-module scripts/lambda-runtime.cjs <bundle> <events.json>`.
 * Loads the bundle as Lambda does (`require` for .cjs, `import()` for .mjs), calls `handler` on
 * each named event, prints `{ requireModule, results: { name: { response } | { error } } }`.
 */
"use strict";
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");
const { pathToFileURL } = require("node:url");

async function main() {
  const [bundle, eventsFile] = process.argv.slice(2);
  const path = resolve(bundle);
  const mod = path.endsWith(".mjs") ? await import(pathToFileURL(path).href) : require(path);
  if (typeof mod.handler !== "function") throw new TypeError(`${bundle} exports no handler`);
  const events = JSON.parse(readFileSync(eventsFile, "utf8"));
  const results = {};
  for (const [name, event] of Object.entries(events)) {
    try {
      results[name] = { response: await mod.handler(event, {}) };
    } catch (error) {
      results[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const requireModule = process.features.require_module ?? null;
  process.stdout.write(`${JSON.stringify({ requireModule, results })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
