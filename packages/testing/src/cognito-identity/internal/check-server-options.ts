import { isPolicyError, parseIdentityPoolRoleConfig, parsePolicyDocument } from "@gatehouse/policy";
import type { CognitoIdentityServerOptions } from "../cognito-identity-server.js";
import type { IamRoleConfig } from "../iam-role-config.js";
import type { IdentityPoolConfig } from "../identity-pool-config.js";
import { parseRoleArn } from "./role-catalog.js";

const POOL_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;

function policyProblem(error: unknown): string {
  if (isPolicyError(error)) return `${error.code}: ${error.message}`;
  throw error;
}

function checkPool(caller: string, pool: IdentityPoolConfig, index: number): void {
  const at = `${caller}: options.pools[${index}]`;
  const { roleAttachment } = pool;
  if (roleAttachment === undefined) {
    if (typeof pool.authenticatedRoleArn !== "string" || pool.authenticatedRoleArn === "") {
      throw new TypeError(`${at}.authenticatedRoleArn is required (or give a roleAttachment)`);
    }
    return;
  }
  if (
    pool.authenticatedRoleArn !== undefined ||
    pool.unauthenticatedRoleArn !== undefined ||
    pool.customRoleArns !== undefined
  ) {
    throw new TypeError(
      `${at}: give the roles either as roleAttachment or as authenticatedRoleArn/unauthenticatedRoleArn/customRoleArns, not both`,
    );
  }
  try {
    parseIdentityPoolRoleConfig(roleAttachment);
  } catch (error) {
    throw new TypeError(
      `${at}.roleAttachment is not one Cognito would save (${policyProblem(error)})`,
    );
  }
  if (roleAttachment.identityPoolId !== pool.identityPoolId) {
    throw new TypeError(
      `${at}.roleAttachment.identityPoolId is ${roleAttachment.identityPoolId}, not the pool's ${pool.identityPoolId}`,
    );
  }
  const guests = roleAttachment.allowUnauthenticatedIdentities;
  if (
    pool.allowUnauthenticated !== undefined &&
    guests !== undefined &&
    guests !== pool.allowUnauthenticated
  ) {
    throw new TypeError(
      `${at}: allowUnauthenticated and roleAttachment.allowUnauthenticatedIdentities disagree`,
    );
  }
}

function checkRole(caller: string, role: IamRoleConfig, index: number, seen: Set<string>): void {
  const at = `${caller}: options.roles[${index}]`;
  if (typeof role !== "object" || role === null) throw new TypeError(`${at} must be an object`);
  if (typeof role.arn !== "string" || parseRoleArn(role.arn) === undefined) {
    throw new TypeError(`${at}.arn must be a role ARN, arn:aws:iam::{account}:role/{name}`);
  }
  if (seen.has(role.arn)) throw new TypeError(`${caller}: options.roles lists ${role.arn} twice`);
  seen.add(role.arn);
  const { trustPolicy, permissionPolicies } = role;
  if (
    typeof trustPolicy !== "string" &&
    (typeof trustPolicy !== "object" || trustPolicy === null)
  ) {
    throw new TypeError(`${at}.trustPolicy is required: a policy document or its JSON text`);
  }
  try {
    parsePolicyDocument(trustPolicy, "", { kind: "trust" });
  } catch (error) {
    // IAM refuses to save such a trust policy (MalformedPolicyDocument): no role can have it.
    throw new TypeError(
      `${at}.trustPolicy is not a trust policy IAM would save (${policyProblem(error)})`,
    );
  }
  if (permissionPolicies === undefined) return;
  if (!Array.isArray(permissionPolicies)) {
    throw new TypeError(`${at}.permissionPolicies must be an array of policy documents`);
  }
  permissionPolicies.forEach((policy, position) => {
    try {
      parsePolicyDocument(policy, "", { kind: "identity" });
    } catch (error) {
      throw new TypeError(
        `${at}.permissionPolicies[${position}] is invalid (${policyProblem(error)})`,
      );
    }
  });
}

/**
 * The checks `startCognitoIdentityServer` makes before it listens: a misconfiguration is a
 * `TypeError` at start, never a surprise on the first call.
 * @internal
 */
export function checkServerOptions(caller: string, options: CognitoIdentityServerOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  if (!Array.isArray(options.pools) || options.pools.length === 0) {
    throw new TypeError(`${caller}: options.pools must be a non-empty array`);
  }
  const seen = new Set<string>();
  options.pools.forEach((pool: IdentityPoolConfig, index: number) => {
    if (typeof pool?.identityPoolId !== "string" || !POOL_ID_PATTERN.test(pool.identityPoolId)) {
      throw new TypeError(
        `${caller}: options.pools[${index}].identityPoolId must look like "us-east-1:{uuid}"`,
      );
    }
    if (seen.has(pool.identityPoolId)) {
      throw new TypeError(`${caller}: options.pools lists ${pool.identityPoolId} twice`);
    }
    seen.add(pool.identityPoolId);
    checkPool(caller, pool, index);
  });
  if (options.roles !== undefined && !Array.isArray(options.roles)) {
    throw new TypeError(`${caller}: options.roles must be an array of roles`);
  }
  const roleArns = new Set<string>();
  for (const [index, role] of (options.roles ?? []).entries()) {
    checkRole(caller, role, index, roleArns);
  }
  const { guestSessionPolicy } = options;
  if (guestSessionPolicy !== undefined && guestSessionPolicy !== null) {
    try {
      parsePolicyDocument(guestSessionPolicy);
    } catch (error) {
      throw new TypeError(
        `${caller}: options.guestSessionPolicy is invalid (${policyProblem(error)})`,
      );
    }
  }
  const { credentialsLifetimeSeconds, now } = options;
  if (
    credentialsLifetimeSeconds !== undefined &&
    (!Number.isInteger(credentialsLifetimeSeconds) || credentialsLifetimeSeconds <= 0)
  ) {
    throw new TypeError(`${caller}: options.credentialsLifetimeSeconds must be a positive integer`);
  }
  if (now !== undefined && typeof now !== "function") {
    throw new TypeError(`${caller}: options.now must be a function`);
  }
  const { credentials } = options;
  if (
    credentials !== undefined &&
    (typeof credentials.accessKeyId !== "string" ||
      credentials.accessKeyId === "" ||
      typeof credentials.secretAccessKey !== "string" ||
      credentials.secretAccessKey === "")
  ) {
    throw new TypeError(`${caller}: options.credentials needs an accessKeyId and secretAccessKey`);
  }
}
