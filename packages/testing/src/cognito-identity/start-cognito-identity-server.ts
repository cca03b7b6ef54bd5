import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import { verifySigV4 } from "@gatehouse/sigv4";
import {
  createLoopbackServer,
  listenOnLoopback,
} from "../loopback-server/internal/create-loopback-server.js";
import { applyCors } from "../loopback-server/internal/origin-policy.js";
import { readBody } from "../loopback-server/internal/read-body.js";
import { receivedUrl, requestPath } from "../loopback-server/internal/request-target.js";
import { resolveLoopbackOptions } from "../loopback-server/internal/resolve-loopback-options.js";
import type {
  CognitoIdentityCalls,
  CognitoIdentityOperation,
  CognitoIdentityServer,
  CognitoIdentityServerOptions,
  IdentityPoolConfig,
  IssuedCredentials,
} from "./cognito-identity-server.js";
import {
  JSON_CONTENT_TYPE,
  sendJson,
  sendJsonError,
  sendStsError,
  sendXml,
} from "./internal/aws-responses.js";
import {
  getCredentialsForIdentity,
  getId,
  getOpenIdToken,
  getOpenIdTokenForDeveloperIdentity,
} from "./internal/cognito-operations.js";
import { IdentityRegistry } from "./internal/identity-registry.js";
import { createLoginValidator } from "./internal/login-validator.js";
import { createOpenIdSigner } from "./internal/open-id-signer.js";
import { randomRoleId } from "./internal/random-credentials.js";
import type { ServerContext } from "./internal/server-context.js";
import { ServiceError } from "./internal/service-error.js";
import { assumeRoleWithWebIdentity } from "./internal/sts-operation.js";

const CALLER = "startCognitoIdentityServer";
const TARGET_PREFIX = "AWSCognitoIdentityService.";
const OPERATIONS: readonly CognitoIdentityOperation[] = [
  "GetId",
  "GetCredentialsForIdentity",
  "GetOpenIdToken",
  "GetOpenIdTokenForDeveloperIdentity",
  "AssumeRoleWithWebIdentity",
];
const JSON_OPERATIONS = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
} as const;
const POOL_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const ALLOWED_HEADERS =
  "authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request";

interface Fault {
  remaining: number;
  status: number;
  type: string;
  message: string;
}

function checkOptions(options: CognitoIdentityServerOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${CALLER}: options must be an object`);
  }
  if (!Array.isArray(options.pools) || options.pools.length === 0) {
    throw new TypeError(`${CALLER}: options.pools must be a non-empty array`);
  }
  const seen = new Set<string>();
  options.pools.forEach((pool: IdentityPoolConfig, index: number) => {
    if (typeof pool?.identityPoolId !== "string" || !POOL_ID_PATTERN.test(pool.identityPoolId)) {
      throw new TypeError(
        `${CALLER}: options.pools[${index}].identityPoolId must look like "us-east-1:{uuid}"`,
      );
    }
    if (seen.has(pool.identityPoolId)) {
      throw new TypeError(`${CALLER}: options.pools lists ${pool.identityPoolId} twice`);
    }
    seen.add(pool.identityPoolId);
    if (typeof pool.authenticatedRoleArn !== "string" || pool.authenticatedRoleArn === "") {
      throw new TypeError(`${CALLER}: options.pools[${index}].authenticatedRoleArn is required`);
    }
  });
  const { credentialsLifetimeSeconds, now } = options;
  if (
    credentialsLifetimeSeconds !== undefined &&
    (!Number.isInteger(credentialsLifetimeSeconds) || credentialsLifetimeSeconds <= 0)
  ) {
    throw new TypeError(`${CALLER}: options.credentialsLifetimeSeconds must be a positive integer`);
  }
  if (now !== undefined && typeof now !== "function") {
    throw new TypeError(`${CALLER}: options.now must be a function`);
  }
  const { credentials } = options;
  if (
    credentials !== undefined &&
    (typeof credentials.accessKeyId !== "string" ||
      credentials.accessKeyId === "" ||
      typeof credentials.secretAccessKey !== "string" ||
      credentials.secretAccessKey === "")
  ) {
    throw new TypeError(`${CALLER}: options.credentials needs an accessKeyId and secretAccessKey`);
  }
}

function checkOperation(operation: string, method: string): CognitoIdentityOperation {
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    throw new TypeError(
      `${method}: unknown operation ${operation}; use one of ${OPERATIONS.join(", ")}`,
    );
  }
  return operation as CognitoIdentityOperation;
}

function checkTimes(times: number, method: string): void {
  if (!Number.isInteger(times) || times < 0) {
    throw new TypeError(`${method}: times must be an integer >= 0`);
  }
}

function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

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
  checkOptions(options);
  const loopback = resolveLoopbackOptions(options, CALLER);
  const now = options.now ?? Date.now;
  const firstPool = options.pools[0] as IdentityPoolConfig;
  const region = options.region ?? firstPool.identityPoolId.split(":")[0] ?? "us-east-1";
  const openIdIssuer = options.openIdIssuer ?? "https://cognito-identity.amazonaws.com";
  const signer = await createOpenIdSigner(openIdIssuer, `${region}-gatehouse-1`, now);
  const validator = createLoginValidator(CALLER, options.pools, signer, now);
  const issued: IssuedCredentials[] = [];
  const roleIds = new Map<string, string>();
  const context: ServerContext = {
    pools: new Map(options.pools.map((pool) => [pool.identityPoolId, pool])),
    registries: new Map(
      options.pools.map((pool) => [pool.identityPoolId, new IdentityRegistry(pool.identityPoolId)]),
    ),
    validator,
    signer,
    issued,
    developerCredentials: options.credentials,
    region,
    now,
    credentialsLifetimeSeconds: options.credentialsLifetimeSeconds ?? 3600,
    expirationFormat: options.expirationFormat ?? "seconds",
    roleId(roleArn) {
      let id = roleIds.get(roleArn);
      if (id === undefined) {
        id = randomRoleId();
        roleIds.set(roleArn, id);
      }
      return id;
    },
  };
  const calls: CognitoIdentityCalls = {
    GetId: 0,
    GetCredentialsForIdentity: 0,
    GetOpenIdToken: 0,
    GetOpenIdTokenForDeveloperIdentity: 0,
    AssumeRoleWithWebIdentity: 0,
  };
  const faults = new Map<CognitoIdentityOperation, Fault[]>();
  // Without developer credentials every signed call meets a key nobody holds.
  const developerKeys: SigV4VerifierCredentials[] = [
    options.credentials ?? { accessKeyId: `NOKEY${randomUUID()}`, secretAccessKey: randomUUID() },
  ];

  function takeFault(operation: CognitoIdentityOperation): Fault | undefined {
    const queue = faults.get(operation);
    const fault = queue?.[0];
    if (queue === undefined || fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    return fault;
  }

  async function checkSignature(req: IncomingMessage, body: Buffer): Promise<void> {
    const verdict = await verifySigV4(
      {
        method: req.method ?? "POST",
        url: receivedUrl(req),
        headers: req.headers,
        body: new Uint8Array(body),
      },
      {
        credentials: developerKeys,
        region,
        service: "cognito-identity",
        now: () => new Date(now()),
      },
    );
    if (!verdict.ok) throw new ServiceError(verdict.errorType, verdict.message, 400);
  }

  async function handleJson(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const target = String(req.headers["x-amz-target"] ?? "");
    const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
    if (!Object.hasOwn(JSON_OPERATIONS, name) || mediaType(req) !== JSON_CONTENT_TYPE) {
      throw new ServiceError("UnknownOperationException", "");
    }
    const operation = name as keyof typeof JSON_OPERATIONS;
    calls[operation] += 1;
    const fault = takeFault(operation);
    if (fault !== undefined) throw new ServiceError(fault.type, fault.message, fault.status);
    if (operation === "GetOpenIdTokenForDeveloperIdentity") await checkSignature(req, body);
    let input: unknown;
    try {
      input = JSON.parse(body.length === 0 ? "{}" : body.toString("utf8"));
    } catch {
      throw new ServiceError("SerializationException", "Unable to parse the request body as JSON.");
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      throw new ServiceError("SerializationException", "Start of structure or map expected.");
    }
    sendJson(res, await JSON_OPERATIONS[operation](context, input as Record<string, unknown>));
  }

  async function handleSts(res: ServerResponse, body: Buffer, requestId: string) {
    const form = new URLSearchParams(body.toString("utf8"));
    const action = form.get("Action");
    const version = form.get("Version");
    if (action !== "AssumeRoleWithWebIdentity" || version !== "2011-06-15") {
      throw new ServiceError(
        "InvalidAction",
        `Could not find operation ${String(action)} for version ${String(version)}`,
      );
    }
    calls.AssumeRoleWithWebIdentity += 1;
    const fault = takeFault("AssumeRoleWithWebIdentity");
    if (fault !== undefined) throw new ServiceError(fault.type, fault.message, fault.status);
    sendXml(res, 200, await assumeRoleWithWebIdentity(context, form, requestId));
  }

  function serveWellKnown(path: string, res: ServerResponse): boolean {
    const json =
      path === "/.well-known/jwks.json"
        ? signer.jwks()
        : path === "/.well-known/openid-configuration"
          ? {
              issuer: openIdIssuer,
              jwks_uri: `${url}.well-known/jwks.json`,
              id_token_signing_alg_values_supported: ["RS512"],
            }
          : undefined;
    if (json === undefined) return false;
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(json));
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
      await (isSts ? handleSts(res, read.body, requestId) : handleJson(req, res, read.body));
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

  function addFault(
    operation: string,
    times: number,
    fault: Omit<Fault, "remaining">,
    method: string,
  ) {
    const checked = checkOperation(operation, method);
    checkTimes(times, method);
    if (times === 0) return;
    const queue = faults.get(checked) ?? [];
    queue.push({ remaining: times, ...fault });
    faults.set(checked, queue);
  }

  return {
    url,
    stsUrl: url,
    openIdIssuer,
    openIdJwksUri: `${url}.well-known/jwks.json`,
    calls,
    issuedCredentials: issued,
    identities: (identityPoolId) => context.registries.get(identityPoolId)?.ids() ?? [],
    throttle(operation, times) {
      const sts = operation === "AssumeRoleWithWebIdentity";
      addFault(
        operation,
        times,
        {
          status: 400,
          type: sts ? "Throttling" : "TooManyRequestsException",
          message: "Rate exceeded",
        },
        "throttle",
      );
    },
    fail(operation, times, status = 500, type) {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new TypeError("fail: status must be an HTTP error status from 400 to 599");
      }
      const sts = operation === "AssumeRoleWithWebIdentity";
      const fallback = sts ? "InternalFailure" : "InternalErrorException";
      addFault(
        operation,
        times,
        {
          status,
          type: type ?? fallback,
          message:
            type === undefined ? "An internal error occurred." : `Injected ${type} (${status}).`,
        },
        "fail",
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
