import type { IdentityPoolConfig } from "../identity-pool-config.js";
import { chooseRole } from "./choose-role.js";
import { formatExpiration } from "./format-expiration.js";
import { amrOf, authenticationProviderOf } from "./identity-amr.js";
import type { Identity, IdentityRegistry } from "./identity-registry.js";
import { COGNITO_IDENTITY_LOGIN, type ValidLogin } from "./login-validator.js";
import { allowsGuests } from "./pool-attachment.js";
import type { ServerContext } from "./server-context.js";
import {
  invalidParameter,
  notAuthorized,
  ServiceError,
  validationMessage,
} from "./service-error.js";

const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const ID_CONSTRAINT = "Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+";
const OPEN_ID_TOKEN_SECONDS = 600;
const DEVELOPER_TOKEN_DEFAULT_SECONDS = 900;
const DEVELOPER_TOKEN_MAX_SECONDS = 86_400;
/** The role session name Cognito gives enhanced-flow credentials. */
const ENHANCED_FLOW_SESSION = "CognitoIdentityCredentials";
const UNAUTHENTICATED_NOT_SUPPORTED =
  "Unauthenticated access is not supported for this identity pool.";

/** A request body: the members the operations read, and whatever else was sent. */
interface Input {
  IdentityPoolId?: unknown;
  IdentityId?: unknown;
  Logins?: unknown;
  TokenDuration?: unknown;
  [member: string]: unknown;
}

function camel(member: string): string {
  return member[0]?.toLowerCase() + member.slice(1);
}

function requiredId(input: Input, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) {
    throw invalidParameter(validationMessage(camel(member), value, "Member must not be null"));
  }
  if (typeof value !== "string") {
    throw new ServiceError("SerializationException", `Expected a string for ${member}.`);
  }
  if (!ID_PATTERN.test(value) || value.length > 55) {
    throw invalidParameter(validationMessage(camel(member), value, ID_CONSTRAINT));
  }
  return value;
}

function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new ServiceError("SerializationException", `Expected a string for ${member}.`);
  }
  return value;
}

function loginsMap(input: Input): Array<[string, string]> {
  const value = input.Logins;
  if (value === undefined || value === null) return [];
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ServiceError("SerializationException", "Expected a map for Logins.");
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 10) {
    throw invalidParameter(
      validationMessage("logins", "{...}", "Member must have length less than or equal to 10"),
    );
  }
  return entries.map(([key, token]) => {
    if (typeof token !== "string" || token.length === 0) {
      throw invalidParameter(
        validationMessage("logins", token, "Map value must have length greater than or equal to 1"),
      );
    }
    return [key, token];
  });
}

function poolById(context: ServerContext, identityPoolId: string): IdentityPoolConfig {
  const pool = context.pools.get(identityPoolId);
  if (pool === undefined) {
    throw new ServiceError(
      "ResourceNotFoundException",
      `IdentityPool '${identityPoolId}' not found.`,
    );
  }
  return pool;
}

function locate(
  context: ServerContext,
  identityId: string,
): { pool: IdentityPoolConfig; registry: IdentityRegistry } {
  for (const [poolId, registry] of context.registries) {
    if (registry.ids().includes(identityId)) {
      return { pool: poolById(context, poolId), registry };
    }
  }
  throw new ServiceError("ResourceNotFoundException", `Identity '${identityId}' not found.`);
}

async function validateLogins(
  context: ServerContext,
  pool: IdentityPoolConfig,
  logins: Array<[string, string]>,
): Promise<ValidLogin[]> {
  const valid: ValidLogin[] = [];
  for (const [key, token] of logins) valid.push(await context.validator.validate(pool, key, token));
  return valid;
}

/** The identity a `{IdentityId, Logins}` call acts for, with Cognito's guest rules. */
async function identityFor(
  context: ServerContext,
  input: Input,
): Promise<{ pool: IdentityPoolConfig; identity: Identity; logins: ValidLogin[] }> {
  const identityId = requiredId(input, "IdentityId");
  const entries = loginsMap(input);
  const { pool, registry } = locate(context, identityId);
  const logins = await validateLogins(context, pool, entries);
  if (logins.length === 0) {
    const identity = registry.guest(identityId);
    if (!allowsGuests(pool)) throw notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
    return { pool, identity, logins };
  }
  return { pool, identity: registry.resolve(identityId, logins), logins };
}

/** `GetId {IdentityPoolId, AccountId?, Logins?}` -> `{IdentityId}`. @internal */
export async function getId(context: ServerContext, input: Input): Promise<string> {
  const pool = poolById(context, requiredId(input, "IdentityPoolId"));
  const accountId = optionalString(input, "AccountId");
  if (accountId !== undefined && pool.accountId !== undefined && accountId !== pool.accountId) {
    throw notAuthorized("The AccountId does not own this identity pool.");
  }
  const logins = await validateLogins(context, pool, loginsMap(input));
  const registry = context.registries.get(pool.identityPoolId) as IdentityRegistry;
  if (logins.length === 0) {
    if (!allowsGuests(pool)) throw notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
    return JSON.stringify({ IdentityId: registry.create().id });
  }
  return JSON.stringify({ IdentityId: registry.resolve(undefined, logins).id });
}

/**
 * `GetCredentialsForIdentity {IdentityId, Logins?, CustomRoleArn?}` ->
 * `{IdentityId, Credentials: {AccessKeyId, SecretKey, SessionToken, Expiration}}`.
 * @internal
 */
export async function getCredentialsForIdentity(
  context: ServerContext,
  input: Input,
): Promise<string> {
  const customRoleArn = optionalString(input, "CustomRoleArn");
  const { pool, identity, logins } = await identityFor(context, input);
  const chosen = chooseRole(context, pool, identity, logins, customRoleArn);
  const expiresAt = Math.floor(context.now() / 1000) + context.credentialsLifetimeSeconds;
  const credentials = context.credentials.issue({
    role: chosen.role,
    sessionName: ENHANCED_FLOW_SESSION,
    identityId: identity.id,
    identityPoolId: pool.identityPoolId,
    authenticationType: identity.logins.size === 0 ? "unauthenticated" : "authenticated",
    authenticationProvider: authenticationProviderOf(chosen.amr),
    principalTags: chosen.principalTags,
    sessionPolicy: chosen.sessionPolicy,
    expiration: new Date(expiresAt * 1000),
    operation: "GetCredentialsForIdentity",
  });
  const marker = "__GATEHOUSE_EXPIRATION__";
  const body = JSON.stringify({
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      Expiration: marker,
      SecretKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
    },
    IdentityId: identity.id,
  });
  return body.replace(`"${marker}"`, formatExpiration(expiresAt, context.expirationFormat));
}

/** `GetOpenIdToken {IdentityId, Logins?}` -> `{IdentityId, Token}` (10 minutes). @internal */
export async function getOpenIdToken(context: ServerContext, input: Input): Promise<string> {
  const { pool, identity } = await identityFor(context, input);
  const token = await context.signer.sign(
    { sub: identity.id, aud: pool.identityPoolId, amr: amrOf(pool, identity) },
    OPEN_ID_TOKEN_SECONDS,
  );
  return JSON.stringify({ IdentityId: identity.id, Token: token });
}

/**
 * `GetOpenIdTokenForDeveloperIdentity {IdentityPoolId, IdentityId?, Logins, TokenDuration?}` ->
 * `{IdentityId, Token}`; the caller has already checked the SigV4 signature.
 * @internal
 */
export async function getOpenIdTokenForDeveloperIdentity(
  context: ServerContext,
  input: Input,
): Promise<string> {
  const pool = poolById(context, requiredId(input, "IdentityPoolId"));
  const identityId = input.IdentityId === undefined ? undefined : requiredId(input, "IdentityId");
  const duration = input.TokenDuration ?? DEVELOPER_TOKEN_DEFAULT_SECONDS;
  if (
    typeof duration !== "number" ||
    !Number.isInteger(duration) ||
    duration < 1 ||
    duration > DEVELOPER_TOKEN_MAX_SECONDS
  ) {
    throw invalidParameter(
      validationMessage(
        "tokenDuration",
        duration,
        `Member must have value less than or equal to ${DEVELOPER_TOKEN_MAX_SECONDS}`,
      ),
    );
  }
  const entries = loginsMap(input);
  if (entries.length === 0) {
    throw invalidParameter(validationMessage("logins", undefined, "Member must not be null"));
  }
  const developerName = pool.developerProviderName;
  const developer = entries.find(([key]) => key === developerName);
  if (developerName === undefined || developer === undefined) {
    throw notAuthorized("Developer provider name does not match the identity pool's.");
  }
  const others = entries.filter(([key]) => key !== developerName && key !== COGNITO_IDENTITY_LOGIN);
  const logins = await validateLogins(context, pool, others);
  const registry = context.registries.get(pool.identityPoolId) as IdentityRegistry;
  const identity = registry.linkDeveloperUser(developerName, developer[1], identityId);
  registry.attach(identity, logins);
  const token = await context.signer.sign(
    { sub: identity.id, aud: pool.identityPoolId, amr: amrOf(pool, identity) },
    duration,
  );
  return JSON.stringify({ IdentityId: identity.id, Token: token });
}
