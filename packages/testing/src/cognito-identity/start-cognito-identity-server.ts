import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import {
  createLoopbackServer,
  listenOnLoopback,
} from "../loopback-server/internal/create-loopback-server.js";
import { applyCors } from "../loopback-server/internal/origin-policy.js";
import { readBody } from "../loopback-server/internal/read-body.js";
import { requestPath } from "../loopback-server/internal/request-target.js";
import { resolveLoopbackOptions } from "../loopback-server/internal/resolve-loopback-options.js";
import type {
  CognitoIdentityCalls,
  CognitoIdentityServer,
  CognitoIdentityServerOptions,
} from "./cognito-identity-server.js";
import type { IdentityPoolConfig } from "./identity-pool-config.js";
import { sendJson, sendJsonError, sendStsError, sendXml } from "./internal/aws-responses.js";
import { checkServerOptions } from "./internal/check-server-options.js";
import { CredentialRegistry } from "./internal/credential-registry.js";
import { FaultQueue } from "./internal/fault-queue.js";
import { IdentityRegistry } from "./internal/identity-registry.js";
import { handleJsonCall, mediaType } from "./internal/json-protocol.js";
import { createLoginValidator } from "./internal/login-validator.js";
import { createOpenIdSigner } from "./internal/open-id-signer.js";
import { RoleCatalog } from "./internal/role-catalog.js";
import type { ServerContext } from "./internal/server-context.js";
import { ServiceError } from "./internal/service-error.js";
import { handleStsCall } from "./internal/sts-protocol.js";

const CALLER = "startCognitoIdentityServer";
const ALLOWED_HEADERS =
  "authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request";

/**
 * Starts a Cognito-identity and STS server on 127.0.0.1 speaking AWS's wire formats: JSON 1.1
 * (`X-Amz-Target: AWSCognitoIdentityService.*`) for `GetId`, `GetCredentialsForIdentity`,
 * `GetOpenIdToken` and the SigV4-signed `GetOpenIdTokenForDeveloperIdentity`, and the STS query
 * protocol for `AssumeRoleWithWebIdentity`. Logins are verified against each provider's keys with
 * Cognito's error types and messages; throttling and faults can be injected per operation.
 * Bodies over `maxBodyBytes` (1 MiB) are answered 413 without being read, CORS headers go to
 * `allowedOrigins` only (by default pages served from loopback), and a malformed request gets an
 * AWS-shaped error, never a crash.
 *
 * @param options - pools, developer credentials, clock and formats; see {@link CognitoIdentityServerOptions}.
 * @returns the running server; `close()` it in `afterAll`.
 * @throws TypeError when the options are malformed.
 * @example
 * ```ts
 * const issuer = await createTestIssuer({ kind: "cognito", region: "us-east-1" });
 * const loginKey = `cognito-idp.us-east-1.amazonaws.com/${issuer.userPoolId}`;
 * const server = await startCognitoIdentityServer({
 *   pools: [{
 *     identityPoolId: "us-east-1:0d0f8b1c-0000-4000-8000-000000000001",
 *     providers: { [loginKey]: { jwks: issuer.jwks(), audience: issuer.clientId } },
 *     authenticatedRoleArn: "arn:aws:iam::123456789012:role/Authenticated",
 *   }],
 * });
 * const response = await fetch(server.url, {
 *   method: "POST",
 *   headers: {
 *     "Content-Type": "application/x-amz-json-1.1",
 *     "X-Amz-Target": "AWSCognitoIdentityService.GetId",
 *   },
 *   body: JSON.stringify({
 *     IdentityPoolId: "us-east-1:0d0f8b1c-0000-4000-8000-000000000001",
 *     Logins: { [loginKey]: await issuer.mintIdToken() },
 *   }),
 * });
 * const { IdentityId } = await response.json(); // "us-east-1:..."
 * await server.close();
 * ```
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html
 */
export async function startCognitoIdentityServer(
  options: CognitoIdentityServerOptions,
): Promise<CognitoIdentityServer> {
  checkServerOptions(CALLER, options);
  const loopback = resolveLoopbackOptions(options, CALLER);
  const now = options.now ?? Date.now;
  const firstPool = options.pools[0] as IdentityPoolConfig;
  const region = options.region ?? firstPool.identityPoolId.split(":")[0] ?? "us-east-1";
  const openIdIssuer = options.openIdIssuer ?? "https://cognito-identity.amazonaws.com";
  const signer = await createOpenIdSigner(openIdIssuer, `${region}-gatehouse-1`, now);
  const validator = createLoginValidator(CALLER, options.pools, signer, now);
  const credentials = new CredentialRegistry();
  const context: ServerContext = {
    pools: new Map(options.pools.map((pool) => [pool.identityPoolId, pool])),
    registries: new Map(
      options.pools.map((pool) => [pool.identityPoolId, new IdentityRegistry(pool.identityPoolId)]),
    ),
    validator,
    signer,
    credentials,
    roles: new RoleCatalog(options.roles ?? [], options.pools),
    developerCredentials: options.credentials,
    region,
    now,
    credentialsLifetimeSeconds: options.credentialsLifetimeSeconds ?? 3600,
    expirationFormat: options.expirationFormat ?? "seconds",
    guestSessionPolicy: options.guestSessionPolicy,
  };
  const calls: CognitoIdentityCalls = {
    GetId: 0,
    GetCredentialsForIdentity: 0,
    GetOpenIdToken: 0,
    GetOpenIdTokenForDeveloperIdentity: 0,
    AssumeRoleWithWebIdentity: 0,
  };
  const faults = new FaultQueue();
  // Without developer credentials every signed call meets a key nobody holds.
  const developerKeys: SigV4VerifierCredentials[] = [
    options.credentials ?? { accessKeyId: `NOKEY${randomUUID()}`, secretAccessKey: randomUUID() },
  ];
  const json = { context, faults, calls, developerKeys };

  function serveWellKnown(path: string, res: ServerResponse): boolean {
    const document =
      path === "/.well-known/jwks.json"
        ? signer.jwks()
        : path === "/.well-known/openid-configuration"
          ? {
              issuer: openIdIssuer,
              jwks_uri: `${url}.well-known/jwks.json`,
              id_token_signing_alg_values_supported: ["RS512"],
            }
          : undefined;
    if (document === undefined) return false;
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(document));
    return true;
  }

  function sendFailure(res: ServerResponse, error: unknown, isSts: boolean, requestId: string) {
    const failure =
      error instanceof ServiceError
        ? error
        : isSts
          ? new ServiceError("InternalFailure", "An internal error occurred.", 500)
          : new ServiceError("InternalErrorException", "An internal error occurred.", 500);
    if (isSts) sendStsError(res, failure.status, failure.type, failure.message, requestId);
    else sendJsonError(res, failure.status, failure.type, failure.message);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    res.setHeader("Date", new Date(now()).toUTCString());
    res.setHeader("x-amzn-RequestId", requestId);
    const corsAllowed = applyCors(
      req.headers.origin,
      loopback.allowsOrigin,
      (name, value) => res.setHeader(name, value),
      "Date, x-amzn-ErrorType, x-amzn-RequestId",
    );
    if (req.method === "OPTIONS") {
      if (corsAllowed) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        res.setHeader("Access-Control-Max-Age", "600");
      }
      res.writeHead(204).end();
      return;
    }
    const path = requestPath(req.url);
    if (req.method === "GET" && path !== undefined && serveWellKnown(path, res)) return;
    const isSts =
      req.headers["x-amz-target"] === undefined &&
      mediaType(req) === "application/x-www-form-urlencoded";
    try {
      if (req.method !== "POST") throw new ServiceError("UnknownOperationException", "", 404);
      const read = await readBody(req, loopback.maxBodyBytes);
      if (read.kind === "aborted") return;
      if (read.kind === "too-large") {
        throw new ServiceError(
          "SerializationException",
          `Request body too large: the limit is ${loopback.maxBodyBytes} bytes.`,
          413,
        );
      }
      if (isSts) {
        sendXml(res, 200, await handleStsCall(context, faults, calls, read.body, requestId));
      } else {
        sendJson(res, await handleJsonCall(json, req, read.body));
      }
    } catch (error) {
      if (res.headersSent) {
        res.end();
        return;
      }
      sendFailure(res, error, isSts, requestId);
    }
  }

  const server = createLoopbackServer({
    handle(req, res) {
      return handle(req, res, randomUUID());
    },
    fail(_req, res) {
      sendFailure(res, undefined, false, String(res.getHeader("x-amzn-RequestId") ?? randomUUID()));
    },
  });

  const port = await listenOnLoopback(server, loopback.port);
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    stsUrl: url,
    openIdIssuer,
    openIdJwksUri: `${url}.well-known/jwks.json`,
    calls,
    issuedCredentials: credentials.issued,
    credentialsFor: (accessKeyId) => credentials.get(accessKeyId),
    identities: (identityPoolId) => context.registries.get(identityPoolId)?.ids() ?? [],
    throttle: (operation, times) => faults.throttle(operation, times),
    fail: (operation, times, status, type) => faults.fail(operation, times, status, type),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
