/**
 * Which templates of a route table an identity satisfies, as `createAuthorizer` decides: every
 * scope of the route, and any one of its groups.
 * @internal
 * @packageDocumentation
 */

/** @internal One checked entry of a route table. */
export interface TableEntry {
  template: string;
  scopes: readonly string[];
  groups: readonly string[] | undefined;
}

/** @internal The templates of `entries` an identity with these scopes and groups satisfies. */
export function satisfiedTemplates(
  entries: readonly TableEntry[],
  identity: { scopes?: readonly string[] | undefined; groups?: readonly string[] | undefined },
): string[] {
  const scopes = new Set(identity.scopes ?? []);
  const groups = new Set(identity.groups ?? []);
  return entries
    .filter(
      (entry) =>
        entry.scopes.every((scope) => scopes.has(scope)) &&
        (entry.groups === undefined || entry.groups.some((group) => groups.has(group))),
    )
    .map((entry) => entry.template);
}
