import { resolve } from "node:path";
import type {
  GatewayDecisionRecord,
  LocalGateway,
  LocalGatewayConfig,
} from "@gatehouse/local-gateway";
import { CliError, usageError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import type { Output } from "../internal/output.js";
import { trackServers } from "../internal/track-servers.js";
import { settlesWithin, stopSignal } from "../internal/wait-for-stop.js";

type LocalGatewayModule = typeof import("@gatehouse/local-gateway");

/**
 * How long closing may take after Ctrl-C (or a failed start): the gateway and the servers the
 * config started get this long to close their connections; the command then returns anyway.
 */
const CLOSE_GRACE_MS = 2000;

/**
 * A config that cannot be loaded or served, as a usage error (exit 2) that names the file as the
 * user wrote it, the line and column when known, and the field; the original error is the cause.
 */
function configError(shown: string, error: unknown, gateway: LocalGatewayModule): CliError {
  if (!gateway.isLocalGatewayError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new CliError("usage", `cannot load ${shown}: ${message}`, { cause: error });
  }
  const hint =
    error.hint !== undefined
      ? { hint: error.hint }
      : error.expected !== undefined
        ? { hint: `Expected ${error.expected}.` }
        : {};
  if (error.code === "config_load_failed") {
    // The loader's message starts with the absolute file (and position): show the user's path,
    // with the problem from the structured `detail` (never by cutting the message).
    const where = error.line === undefined ? "" : `:${error.line}:${error.column ?? 1}`;
    const text = error.detail ?? error.message;
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

/**
 * A gateway that did not start: exit 3 when the port cannot be bound (`listen_failed`), exit 2 for
 * a config the gateway refuses (`invalid_config`, a wrong option type). Read from the code.
 */
function startFailure(error: unknown, file: string, gateway: LocalGatewayModule): CliError {
  if (gateway.isLocalGatewayError(error)) {
    if (error.code === "listen_failed") {
      return new CliError("runtime", `the gateway did not start: ${error.message}`, {
        cause: error,
        hint: "Another process uses the port: give another --port, or 0 for a free one.",
      });
    }
    return configError(file, error, gateway);
  }
  if (error instanceof TypeError) {
    return new CliError("usage", `invalid config: ${file}: ${error.message}`, { cause: error });
  }
  return new CliError("runtime", "the gateway did not start", { cause: error });
}

/** Resolves to `undefined` when `stopped` wins, so Ctrl-C during a slow start stops too. */
function unlessStopped<T>(work: Promise<T>, stopped: Promise<string>): Promise<T | undefined> {
  return Promise.race([work, stopped.then(() => undefined)]);
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
    "The first Ctrl-C (or SIGTERM) closes the gateway and the servers the config started while it loaded (a test issuer), then exits; a second Ctrl-C ends it at once.",
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
    "0  stopped with Ctrl-C (SIGINT) or SIGTERM",
    "2  the config cannot be loaded or is invalid",
    "3  the gateway failed to start (port in use)",
  ],
  async run(context) {
    const file = context.positionals[0] as string;
    const path = resolve(context.io.cwd, file);
    const portText = context.string("port");
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw usageError(`--port must be a port number; got ${portText}`);
    }
    const { out } = context;
    // Listening from the start: Ctrl-C while the config loads or the gateway starts stops too.
    const stop = stopSignal(context.io.signal);
    // The servers the config starts while it loads (a test issuer, a Cognito server) are closed
    // with the gateway: a listening server would keep the process up after Ctrl-C.
    const started = trackServers();
    let gateway: LocalGateway | undefined;
    let userStopped = false;
    try {
      // Loaded on use: the other commands must not depend on the local gateway.
      const module = await import("@gatehouse/local-gateway");
      const config = await unlessStopped(
        started
          .run(() => module.loadGatewayConfig(path))
          .catch((error: unknown) => {
            throw configError(file, error, module);
          }),
        stop.stopped,
      );
      if (config === undefined) {
        userStopped = true;
        return 0;
      }
      const userOnDecision = config.onDecision;
      const starting = module.startLocalGateway({
        ...config,
        ...(port === undefined ? {} : { port }),
        onDecision: (record) => {
          if (!context.flag("quiet")) logDecision(out, record);
          userOnDecision?.(record);
        },
      } satisfies LocalGatewayConfig);
      gateway = await unlessStopped(
        starting.catch((error: unknown) => {
          throw startFailure(error, file, module);
        }),
        stop.stopped,
      );
      if (gateway === undefined) {
        // Stopped while starting: a gateway that comes up after all is closed at once.
        starting.then((late) => late.close()).catch(() => undefined);
        userStopped = true;
        return 0;
      }
      if (context.flag("json")) out.json({ url: gateway.url, apis: gateway.apiUrls });
      else {
        out.line(`${out.bold("local gateway")} ${gateway.url}`);
        for (const [name, url] of Object.entries(gateway.apiUrls))
          out.line(`  ${name.padEnd(16)} ${url}`);
        out.note(out.dim("Ctrl-C to stop"));
      }
      await stop.stopped;
      userStopped = true;
      return 0;
    } finally {
      stop.dispose();
      const closing = Promise.all([gateway?.close(), started.close()]);
      if (!(await settlesWithin(closing, CLOSE_GRACE_MS))) {
        out.note(out.dim(`some connections did not close within ${CLOSE_GRACE_MS / 1000} s`));
      }
      started.dispose();
      if (userStopped && !context.flag("json")) out.note("stopped");
    }
  },
};
