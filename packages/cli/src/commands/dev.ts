import { resolve } from "node:path";
import type {
  GatewayDecisionRecord,
  LocalGatewayConfig,
  LocalGatewayError,
} from "@gatehouse/local-gateway";
import { CliError, usageError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import type { Output } from "../internal/output.js";
import { waitForStop } from "../internal/wait-for-stop.js";

/**
 * A config that cannot be loaded or served, as a usage error (exit 2) that names the file as the
 * user wrote it, the line and column when known, and the field; the original error is the cause.
 */
function configError(
  shown: string,
  error: unknown,
  isLocalGatewayError: (value: unknown) => value is LocalGatewayError,
): CliError {
  if (!isLocalGatewayError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new CliError("usage", `cannot load ${shown}: ${message}`, { cause: error });
  }
  const hint = error.hint === undefined ? {} : { hint: error.hint };
  if (error.code === "config_load_failed") {
    // The loader's message starts with the absolute file (and position): show the user's path.
    const where = error.line === undefined ? "" : `:${error.line}:${error.column ?? 1}`;
    const prefix = error.file === undefined ? "" : `${error.file}${where}: `;
    const text = error.message.startsWith(prefix)
      ? error.message.slice(prefix.length)
      : error.message;
    return new CliError("usage", `cannot load ${shown}${where}: ${text}`, {
      ...hint,
      cause: error,
    });
  }
  return new CliError("usage", `invalid config in ${shown}: ${error.message}`, {
    ...hint,
    cause: error,
  });
}

function logDecision(out: Output, record: GatewayDecisionRecord): void {
  const status =
    record.status < 400 ? out.green(String(record.status)) : out.red(String(record.status));
  const cache = record.authorizerFromCache === true ? out.dim(" (authorizer cache)") : "";
  out.note(
    `${status} ${record.method} ${record.path} ${out.dim(`${record.api} ${record.route ?? "(no route)"}`)} ${record.reason}${cache}`,
  );
}

/** `gatehouse dev`. @internal */
export const dev: CommandSpec = {
  path: ["dev"],
  summary: "run the local gateway from a config file until Ctrl-C",
  args: "<config.mjs>",
  description: [
    "Loads a gateway configuration module (ESM whose default export is the config, a promise of it, or a function returning it: handlers and authorizers are functions, so JSON is not accepted) and serves it on 127.0.0.1 with @gatehouse/local-gateway: resource policies, Lambda authorizers with API Gateway's cache, JWT authorizers, SigV4 for AWS_IAM routes. Each decision is logged to stderr (codes only, never tokens).",
  ],
  options: {
    port: {
      type: "string",
      value: "<port>",
      description: "Port on 127.0.0.1 (overrides the config's)",
      defaultText: "the config's, else a free port",
    },
    quiet: { type: "boolean", short: "q", description: "Do not log each decision" },
    json: { type: "boolean", description: "Print the URLs as JSON once listening" },
  },
  positionals: { min: 1, max: 1 },
  examples: ["gatehouse dev gateway.config.mjs", "gatehouse dev gateway.config.mjs --port 4000"],
  exitCodes: [
    "0  stopped with Ctrl-C",
    "2  the config cannot be loaded or is invalid",
    "3  the gateway failed to start (port in use)",
  ],
  async run(context) {
    const file = resolve(context.io.cwd, context.positionals[0] as string);
    const portText = context.string("port");
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw usageError(`--port must be a port number; got ${portText}`);
    }
    // Loaded on use: the other commands must not depend on the local gateway.
    const { isLocalGatewayError, loadGatewayConfig, startLocalGateway } = await import(
      "@gatehouse/local-gateway"
    );
    const shown = context.positionals[0] as string;
    let config: LocalGatewayConfig;
    try {
      config = await loadGatewayConfig(file);
    } catch (error) {
      throw configError(shown, error, isLocalGatewayError);
    }
    const { out } = context;
    const userOnDecision = config.onDecision;
    const gateway = await startLocalGateway({
      ...config,
      ...(port === undefined ? {} : { port }),
      onDecision: (record) => {
        if (!context.flag("quiet")) logDecision(out, record);
        userOnDecision?.(record);
      },
    }).catch((error: unknown) => {
      if (isLocalGatewayError(error) && error.code === "invalid_config") {
        throw configError(shown, error, isLocalGatewayError);
      }
      const message = (error as Error).message;
      throw new CliError("runtime", `the gateway did not start: ${message}`, { cause: error });
    });
    try {
      if (context.flag("json")) out.json({ url: gateway.url, apis: gateway.apiUrls });
      else {
        out.line(`${out.bold("local gateway")} ${gateway.url}`);
        for (const [name, url] of Object.entries(gateway.apiUrls))
          out.line(`  ${name.padEnd(16)} ${url}`);
        out.note(out.dim("Ctrl-C to stop"));
      }
      await waitForStop(context.io.signal);
    } finally {
      await gateway.close();
    }
    if (!context.flag("json")) out.note("stopped");
    return 0;
  },
};
