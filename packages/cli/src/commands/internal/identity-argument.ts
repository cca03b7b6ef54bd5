/**
 * The `--identity` argument of `gatehouse policy simulate`: an identity-pool identity written as
 * `sub=<identity id>, pool=<pool id>, amr=..., provider=..., tag:<key>=<value>`.
 * @internal
 * @packageDocumentation
 */
import type { CognitoIdentity } from "@gatehouse/policy";
import { usageError } from "../../errors.js";

/** `sub=..., pool=..., amr=authenticated, provider=..., tag:tenant=acme` as an identity. */
export function parseIdentity(text: string, guest: boolean): CognitoIdentity {
  const fields: Record<string, string> = {};
  const providers: string[] = [];
  const principalTags: Record<string, string> = {};
  for (const part of text.split(",")) {
    const pair = part.trim();
    if (pair === "") continue;
    const index = pair.indexOf("=");
    if (index <= 0) {
      throw usageError(
        `--identity must be key=value pairs; got ${JSON.stringify(pair)}`,
        IDENTITY_HINT,
      );
    }
    const key = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (key.startsWith("tag:")) principalTags[key.slice(4)] = value;
    else if (key === "provider") providers.push(value);
    else if (key === "sub" || key === "pool" || key === "amr") {
      if (fields[key] !== undefined) throw usageError(`--identity gives ${key} twice`);
      fields[key] = value;
    } else throw usageError(`--identity: unknown key ${JSON.stringify(key)}`, IDENTITY_HINT);
  }
  const { sub, pool, amr = guest ? "unauthenticated" : "authenticated" } = fields;
  if (sub === undefined || pool === undefined) {
    throw usageError(
      "--identity needs sub=<identity id> and pool=<identity pool id>",
      IDENTITY_HINT,
    );
  }
  if (amr !== "authenticated" && amr !== "unauthenticated") {
    throw usageError(
      `--identity amr must be authenticated or unauthenticated; got ${JSON.stringify(amr)}`,
    );
  }
  if (guest && amr === "authenticated") {
    throw usageError("--guest contradicts amr=authenticated in --identity");
  }
  return {
    identityPoolId: pool,
    identityId: sub,
    authenticated: amr === "authenticated",
    ...(providers.length === 0 ? {} : { providers }),
    ...(Object.keys(principalTags).length === 0 ? {} : { principalTags }),
  };
}

/** How `--identity` is written. */
export const IDENTITY_HINT =
  'e.g. --identity "sub=eu-west-1:1111aaaa-2222-3333-4444-555566667777, pool=eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11, amr=authenticated, tag:tenant=acme"';
