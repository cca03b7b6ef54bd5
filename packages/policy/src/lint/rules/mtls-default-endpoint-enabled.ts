import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * An API behind a mutual-TLS custom domain that keeps its default `execute-api` endpoint: clients
 * call it there without a certificate, and no resource policy condition can tell the two apart.
 * @internal
 */
export function mtlsDefaultEndpointEnabled(context: LintContext): LintFinding[] {
  if (context.mutualTls === undefined || context.mutualTls.disableExecuteApiEndpoint) return [];
  return [
    createFinding(
      "mtls_default_endpoint_enabled",
      "",
      "The API requires mutual TLS on its custom domain but keeps the default execute-api endpoint, where clients call it without a certificate.",
      "Set DisableExecuteApiEndpoint: true on the API (CDK: disableExecuteApiEndpoint: true) so the mutual-TLS domain is the only way in.",
    ),
  ];
}
