/**
 * Validates the IAM callers of the gateway: a list checked at start, or a resolver whose every
 * answer is checked the same way.
 * @internal
 * @packageDocumentation
 */
import {
  type ConditionContext,
  type PolicyDocument,
  parseCallerPrincipalArn,
} from "@gatehouse/policy";
import {
  type CredentialSource,
  type KnownCredential,
  type ResolvedCognitoIdentity,
  verifierKeys,
} from "../../authorization/internal/iam-credentials.js";
import type { IamCredentialResolver } from "../gateway-config.js";
import {
  checked,
  checkPolicy,
  invalid,
  kindOf,
  optionalString,
  requireObject,
} from "./config-fields.js";
import { resolveCognitoIdentity } from "./resolve-cognito-identity.js";
import type { GatewayIdentity } from "./resolved-gateway.js";

/** Checks one IAM caller (at start for a list, per answer for a resolver). */
function resolveCredential(
  value: unknown,
  gateway: GatewayIdentity,
  path: string,
): KnownCredential {
  const { partition, region } = gateway;
  const credential = requireObject(value, path, "a credential object") as Record<string, unknown>;
  const { accessKeyId, secretAccessKey, sessionToken, principalArn, orgId, policy } = credential;
  const { callerId, sessionPolicy, cognito } = credential;
  for (const [name, field] of [
    ["accessKeyId", accessKeyId],
    ["secretAccessKey", secretAccessKey],
  ] as const) {
    if (typeof field !== "string" || field === "") {
      throw invalid(
        `${path}.${name}`,
        `must be a non-empty string, got ${field === "" ? "an empty string" : kindOf(field)}`,
      );
    }
  }
  if (sessionToken !== undefined && (typeof sessionToken !== "string" || sessionToken === "")) {
    throw invalid(`${path}.sessionToken`, "must be a non-empty string when set");
  }
  const principal = checked(`${path}.principalArn`, (at) =>
    parseCallerPrincipalArn(principalArn, at),
  );
  if (principal.partition !== partition) {
    throw invalid(
      `${path}.principalArn`,
      `is in partition ${principal.partition}, but the gateway's region ${region} is in ${partition}: a principal cannot call an API of another partition (set region, or write arn:${partition}:...)`,
      `an ARN of partition ${partition}`,
    );
  }
  optionalString(orgId, `${path}.orgId`);
  if (policy === undefined) {
    throw invalid(`${path}.policy`, "is required: the caller's identity policy, or null for none");
  }
  if (policy !== null && typeof policy !== "object") {
    throw invalid(
      `${path}.policy`,
      `must be a policy document, an array of them, or null, got ${kindOf(policy)}`,
    );
  }
  const policies: readonly unknown[] =
    policy === null ? [] : Array.isArray(policy) ? policy : [policy];
  for (const [index, document] of policies.entries()) {
    checkPolicy(document, Array.isArray(policy) ? `${path}.policy[${index}]` : `${path}.policy`);
  }
  if (callerId !== undefined && (typeof callerId !== "string" || callerId === "")) {
    throw invalid(`${path}.callerId`, "must be a non-empty string when set");
  }
  if (sessionPolicy !== undefined && sessionPolicy !== null) {
    checkPolicy(sessionPolicy, `${path}.sessionPolicy`);
  }
  const identity: { cognito: ResolvedCognitoIdentity | undefined; context: ConditionContext } =
    cognito === undefined
      ? { cognito: undefined, context: {} }
      : resolveCognitoIdentity(cognito, principal.arn, principal.kind, path);
  if (callerId !== undefined) identity.context["aws:userid"] = callerId as string;
  return {
    identity: {
      accessKeyId: accessKeyId as string,
      principalArn: principal.arn,
      accountId: principal.accountId,
      orgId: orgId as string | undefined,
      policy: policy as PolicyDocument | readonly PolicyDocument[] | null,
      callerId: (callerId as string | undefined) ?? principal.arn.split(":").slice(5).join(":"),
      sessionPolicy: (sessionPolicy as PolicyDocument | null | undefined) ?? null,
      ...identity,
    },
    key: {
      accessKeyId: accessKeyId as string,
      secretAccessKey: secretAccessKey as string,
      ...(sessionToken !== undefined ? { sessionToken: sessionToken as string } : {}),
    },
  };
}

/** @internal Checks `config.credentials`: a list now, a resolver's answers per request. */
export function resolveCredentials(
  credentials: unknown,
  gateway: GatewayIdentity,
): CredentialSource {
  if (typeof credentials === "function") {
    const resolve = credentials as IamCredentialResolver;
    return {
      kind: "resolver",
      resolve,
      check: (answer, accessKeyId) => {
        const known = resolveCredential(answer, gateway, "credentials(accessKeyId)");
        if (known.identity.accessKeyId !== accessKeyId) {
          throw invalid(
            "credentials(accessKeyId).accessKeyId",
            "is not the access key id the resolver was asked for",
          );
        }
        return known;
      },
    };
  }
  if (credentials !== undefined && !Array.isArray(credentials)) {
    throw invalid(
      "credentials",
      `must be an array of credentials or a function (accessKeyId) => credential, got ${kindOf(credentials)}`,
    );
  }
  const byAccessKeyId = new Map<string, KnownCredential>();
  for (const [index, credential] of ((credentials ?? []) as unknown[]).entries()) {
    const known = resolveCredential(credential, gateway, `credentials[${index}]`);
    if (byAccessKeyId.has(known.identity.accessKeyId)) {
      throw invalid(`credentials[${index}].accessKeyId`, "is listed twice");
    }
    byAccessKeyId.set(known.identity.accessKeyId, known);
  }
  return { kind: "list", byAccessKeyId, keys: verifierKeys(byAccessKeyId) };
}
