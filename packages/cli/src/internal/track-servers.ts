import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server } from "node:net";

/** Node's channel for `server.listen()` (Node 20.?+; on older versions nothing is tracked). */
const LISTEN_CHANNEL = "tracing:net.server.listen:asyncStart";

/** The servers started while {@link ServerTracker.run} ran its function. @internal */
export interface ServerTracker {
  /** Runs `fn`; every server that starts listening in its async context is recorded. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly servers: ReadonlySet<Server>;
  /** Closes the recorded servers and their open connections; resolves when all are closed. */
  close(): Promise<void>;
  /** Stops recording. */
  dispose(): void;
}

/**
 * Records the servers a function starts (a `gatehouse dev` config that starts a test issuer or a
 * Cognito server at import), so the command can close them when it stops: a listening server
 * keeps Node's event loop alive. Only servers whose `listen()` runs in the function's async
 * context are recorded, so other servers of the same process are left alone.
 * @internal
 */
export function trackServers(): ServerTracker {
  const context = new AsyncLocalStorage<true>();
  const servers = new Set<Server>();
  const onListen = (message: unknown) => {
    const server = (message as { server?: unknown } | null)?.server;
    if (context.getStore() === true && server !== undefined) servers.add(server as Server);
  };
  subscribe(LISTEN_CHANNEL, onListen);
  return {
    servers,
    run: (fn) => context.run(true, fn),
    close: () =>
      Promise.all(
        [...servers].map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server.listening) return resolve();
              server.close(() => resolve());
              // http.Server: keep-alive connections would hold close() open.
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        ),
      ).then(() => undefined),
    dispose: () => {
      unsubscribe(LISTEN_CHANNEL, onListen);
    },
  };
}
