/**
 * Loopback clients shared by this package's end-to-end tests (not exported from the package):
 * `node:http` keeps header names in the case the test writes them, which `fetch` does not, and
 * speaks the WebSocket opening handshake; raw sockets send what no HTTP client would.
 * @internal
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { type Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { TLSSocket } from "node:tls";
import type { CognitoIdentityServer } from "@gatehouse/testing";
import type { IamCredentialResolver } from "../config/gateway-config.js";

/** A response as the client saw it; `status` 101 means the WebSocket handshake was accepted. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url.replace(/^ws:/, "http:"), { headers });
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: "" });
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

/** @internal A `GET` with exactly these headers (names in the given case). */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, headers);
}

/** @internal A WebSocket opening handshake to a `ws://` (or `http://`) URL. */
export function connectWebSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return send(url, {
    Connection: "Upgrade",
    Upgrade: "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    ...headers,
  });
}

export {
  exchangeRaw,
  type HttpAnswer,
  sendHttp,
  type WireAnswer,
} from "../../../../test/support/raw-wire.js";

/**
 * @internal The gateway's IAM callers from the loopback identity pool: each access key the server
 * issued, with its role session, the role's permission policies, the session policy and the
 * identity; `undefined` (refused) for a key it never issued or one past its expiration on `now`.
 */
export function identityPoolCallers(
  server: CognitoIdentityServer,
  now: () => number,
): IamCredentialResolver {
  return (accessKeyId) => {
    const issued = server.credentialsFor(accessKeyId);
    if (issued === undefined || issued.expiration.getTime() <= now()) return undefined;
    return {
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      principalArn: issued.assumedRoleArn,
      callerId: issued.assumedRoleId,
      policy: issued.permissionPolicies,
      sessionPolicy: issued.sessionPolicy ?? null,
      cognito: {
        identityPoolId: issued.identityPoolId,
        identityId: issued.identityId,
        authenticationType: issued.authenticationType,
        authenticationProvider: issued.authenticationProvider,
        principalTags: issued.principalTags,
      },
    };
  };
}

/** @internal The TLS side of {@link getTls}: what the client trusts and presents. */
export interface TlsClientOptions {
  /** The CA certificates the client trusts for the server. */
  ca: string;
  /** The client certificate chain (PEM), if any. */
  cert?: string;
  key?: string;
  /** Highest TLS version the client offers. */
  maxVersion?: "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
  minVersion?: "TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3";
  /** OpenSSL cipher string; `DEFAULT@SECLEVEL=0` lets the client present a SHA-1 certificate. */
  ciphers?: string;
}

/**
 * @internal A `GET` over HTTPS with or without a client certificate: on a fresh connection, or
 * through `agent` (which may resume an earlier TLS session).
 */
export function getTls(
  url: string,
  tls: TlsClientOptions,
  agent?: HttpsAgent,
): Promise<RawResponse & { sessionReused: boolean }> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { ...tls, agent: agent ?? false });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      const sessionReused = (response.socket as TLSSocket).isSessionReused();
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          sessionReused,
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}
