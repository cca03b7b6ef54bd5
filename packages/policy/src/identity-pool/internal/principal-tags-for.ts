/**
 * The session tags Cognito sets from an identity's claims (attributes for access control).
 *
 * @internal
 * @packageDocumentation
 */
import type { IdentityPoolRoleConfig } from "../identity-pool-role-config.js";
import { defaultPrincipalTags, identityProviderKind } from "./identity-provider-kind.js";

/**
 * @internal Tag key -> claim value for `provider`'s mapping (the mapping named after the
 * provider, or `{provider}:{aud}` for a user pool). Defaults first, custom keys replace them. A
 * claim that is absent or not a single string/number/boolean sets no tag.
 */
export function principalTagsFor(
  pool: IdentityPoolRoleConfig,
  provider: string,
  claims: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const names = new Set([provider]);
  if (typeof claims["aud"] === "string") names.add(`${provider}:${claims["aud"]}`);
  const mapping = pool.principalTags?.find((m) => names.has(m.identityProviderName));
  if (mapping === undefined) return {};
  const tagToClaim: Record<string, string> = {
    ...(mapping.useDefaults === true ? defaultPrincipalTags(identityProviderKind(provider)) : {}),
    ...mapping.principalTags,
  };
  const tags: Record<string, string> = {};
  for (const [key, claimName] of Object.entries(tagToClaim)) {
    const value = claims[claimName];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      tags[key] = String(value);
    }
  }
  return tags;
}
