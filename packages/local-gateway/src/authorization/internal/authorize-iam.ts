/**
 * AWS_IAM authorization: SigV4 verification against the configured credentials, then the gateway
 * model's IAM decision (caller policy and resource policy).
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess } from "@gatehouse/policy";
import { verifySigV4 } from "@gatehouse/sigv4";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import { type Authorization, fromModel, refuse } from "./authorization.js";
import {
  CredentialResolverError,
  type KnownCredential,
  knownCredentials,
  verifierKeys,
} from "./iam-credentials.js";
import { modelBase } from "./model-base.js";

/** @internal Authorizes an AWS_IAM route. */
export async function authorizeIam(scope: RequestScope): Promise<Authorization> {
  const { request, gateway } = scope;
  let known: ReadonlyMap<string, KnownCredential>;
  try {
    known = await knownCredentials(gateway.credentials, request);
  } catch (error) {
    if (!(error instanceof CredentialResolverError)) throw error;
    return refuse(500, null, "InternalServerErrorException", "credential_resolver_error");
  }
  const verdict = await verifySigV4(
    { method: request.method, url: request.url, headers: request.lowerHeaders, body: request.body },
    {
      ...gateway.verifierOptions,
      credentials:
        gateway.credentials.kind === "list" ? gateway.credentials.keys : verifierKeys(known),
    },
  );
  if (!verdict.ok && verdict.code !== "missing_authentication") {
    return refuse(verdict.status, verdict.message, verdict.errorType, `sigv4_${verdict.code}`);
  }
  const credential = verdict.ok ? known.get(verdict.accessKeyId)?.identity : undefined;
  if (verdict.ok && credential === undefined) {
    return refuse(403, null, "AccessDeniedException", "unknown_credential");
  }
  const base = modelBase(scope);
  const result = await evaluateApiGatewayAccess({
    ...base,
    // The caller's own keys (identity-pool identity, principal tags, aws:userid) join the request's.
    context: credential === undefined ? base.context : { ...base.context, ...credential.context },
    authType: "AWS_IAM",
    caller:
      credential === undefined
        ? null
        : {
            arn: credential.principalArn,
            accountId: credential.accountId,
            ...(credential.orgId !== undefined ? { orgId: credential.orgId } : {}),
            signatureValid: true,
            callerPolicy: credential.policy,
            sessionPolicy: credential.sessionPolicy,
          },
  });
  return fromModel(
    result,
    credential === undefined ? { kind: "none" } : { kind: "iam", credential },
  );
}
