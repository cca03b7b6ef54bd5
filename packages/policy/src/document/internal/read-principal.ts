/**
 * Reads the Principal / NotPrincipal element of a policy statement: AWS, service, federated and
 * canonical-user principals, each checked as IAM checks it.
 * @internal
 * @packageDocumentation
 */
import { isAccountId } from "../../identifiers/account-id.js";
import { classifyPrincipalArn } from "../../identifiers/principal-arn.js";
import { servicePrincipalProblem } from "../../identifiers/service-principal.js";
import type { PolicyPrincipal } from "../policy-document.js";
import {
  checkKeys,
  fail,
  isObject,
  join,
  nonEmpty,
  readStrings,
  type StringCheck,
} from "./policy-json.js";

// The unique id AWS shows in place of a principal once the named role or user is deleted.
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;
const PRINCIPAL_KEYS = new Set(["AWS", "Service", "Federated", "CanonicalUser"]);

const AWS_EXPECTED = 'an AWS principal ("*", an account id or an IAM/STS principal ARN)';

// "*", an account id, a principal ARN that can sign (not an identity provider), or a unique id.
const checkAwsPrincipal: StringCheck = (item) => {
  if (item === "*" || isAccountId(item) || UNIQUE_ID.test(item)) return undefined;
  // A policy variable is only known per request: check the rest of the ARN around it.
  const principal = classifyPrincipalArn(item.replaceAll(/\$\{[^}]*\}/g, "x"));
  if (!("kind" in principal)) return `${AWS_EXPECTED}: ${principal.message}`;
  return principal.kind === "saml-provider" || principal.kind === "oidc-provider"
    ? `${AWS_EXPECTED}: an identity provider goes under Principal.Federated`
    : undefined;
};

const checkServicePrincipal: StringCheck = (item) =>
  servicePrincipalProblem(item) === undefined
    ? undefined
    : "a service principal, the service's lower-case DNS name such as lambda.amazonaws.com";

// An identity provider's ARN, or a web identity provider's name (accounts.google.com, cognito-identity.amazonaws.com).
const checkFederatedPrincipal: StringCheck = (item) => {
  if (item.startsWith("arn:")) {
    const principal = classifyPrincipalArn(item);
    if (!("kind" in principal)) return `an identity provider: ${principal.message}`;
    return principal.kind === "saml-provider" || principal.kind === "oidc-provider"
      ? undefined
      : "an identity provider (saml-provider/... or oidc-provider/...); other principal ARNs go under Principal.AWS";
  }
  return servicePrincipalProblem(item) === undefined
    ? undefined
    : "an identity provider ARN or a provider name such as accounts.google.com";
};

const PRINCIPAL_CHECKS: Readonly<Record<string, StringCheck>> = {
  AWS: checkAwsPrincipal,
  Service: checkServicePrincipal,
  Federated: checkFederatedPrincipal,
  CanonicalUser: nonEmpty,
};

export function readPrincipal(value: unknown, path: string): PolicyPrincipal {
  if (value === "*") return "*";
  if (!isObject(value)) {
    throw fail(path, 'expected "*" or an object such as {"AWS": ...}', '"*" | object', value);
  }
  checkKeys(value, PRINCIPAL_KEYS, path);
  const keys = Object.keys(value);
  if (keys.length === 0) {
    throw fail(path, "must name at least one principal type", "AWS, Service, ...", value);
  }
  const principal: Exclude<PolicyPrincipal, "*"> = {};
  for (const key of keys) {
    const itemPath = join(path, key);
    const items = readStrings(value[key], itemPath, PRINCIPAL_CHECKS[key] ?? nonEmpty);
    principal[key as keyof typeof principal] = items;
  }
  return principal;
}
