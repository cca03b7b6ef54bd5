/**
 * The routes a caller is meant to reach.
 * @internal
 * @packageDocumentation
 */
import type { AuditCaller } from "../api-access-description.js";
import { refusedByMutualTls } from "./audit-mutual-tls.js";
import { seesToken } from "./gateway-request.js";
import type { ReadDescription } from "./read-description.js";
import { satisfiedTemplates } from "./satisfied-templates.js";
import { type ParsedRoute, parseRoute, routeIdentity } from "./select-route.js";
import { templateCovers } from "./template-covers.js";

/**
 * @internal The identities (see `routeIdentity`) of the routes the caller's grant names: public
 * routes always; then the explicit `grants`, or by default (token callers) the routes of the
 * route-table authorizers that see it which a template it satisfies covers (`templateCovers`) and
 * the Cognito routes whose scopes it holds. IAM and anonymous callers have no default beyond the public routes.
 * With `mutualTls`, a caller whose `clientCertificate` is not `"valid"` is granted nothing.
 */
export function callerGrants(description: ReadDescription, caller: AuditCaller): Set<string> {
  const granted = new Set<string>();
  // Behind mutual TLS, a caller whose certificate the custom domain refuses is meant to reach nothing.
  if (refusedByMutualTls(description, caller)) return granted;
  for (const route of description.routes) {
    if (route.auth.kind === "NONE") granted.add(routeIdentity(route.parsed));
  }
  if (caller.grants !== undefined) {
    const templates = caller.grants.map((grant) =>
      grant === "*" ? "*" : parseRoute(grant, description.apiType, "grants"),
    );
    for (const route of description.routes) {
      if (
        templates.some((template) => template === "*" || templateCovers(template, route.parsed))
      ) {
        granted.add(routeIdentity(route.parsed));
      }
    }
    return granted;
  }
  if (caller.kind !== "token") return granted;
  const satisfied = new Map<string, ("*" | ParsedRoute)[]>();
  for (const route of description.routes) {
    const { auth } = route;
    if (auth.kind !== "authorizer" || !seesToken(caller, auth.authorizer)) continue;
    const { authorizer } = auth;
    if (authorizer.kind === "table") {
      let templates = satisfied.get(authorizer.name);
      if (templates === undefined) {
        templates = satisfiedTemplates(authorizer.entries, caller).map((template) =>
          // `*` in a table grants the whole stage.
          template === "*" ? "*" : parseRoute(template, description.apiType, "routes"),
        );
        satisfied.set(authorizer.name, templates);
      }
      if (
        templates.some((template) => template === "*" || templateCovers(template, route.parsed))
      ) {
        granted.add(routeIdentity(route.parsed));
      }
    } else if (authorizer.kind === "cognito") {
      if (auth.scopes.length === 0 || auth.scopes.some((scope) => caller.scopes?.includes(scope))) {
        granted.add(routeIdentity(route.parsed));
      }
    }
  }
  return granted;
}
