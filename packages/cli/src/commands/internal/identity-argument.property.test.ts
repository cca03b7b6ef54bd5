import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIdentity } from "./identity-argument.js";

const region = fc.constantFrom("eu-west-1", "us-east-1", "ap-southeast-2");
const id = fc.tuple(region, fc.uuid()).map(([r, u]) => `${r}:${u}`);
/** Values without the separators of the argument (`,` between pairs, `=` after a key). */
const value = fc.stringMatching(/^[A-Za-z0-9_.:/@+-]{1,20}$/);
const tagKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/);

describe("parseIdentity (the --identity argument)", () => {
  it("reads back any identity it is given, in any order, with any spacing", () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.boolean(),
        fc.array(value, { maxLength: 3 }),
        fc.dictionary(tagKey, value, { maxKeys: 3 }),
        fc.constantFrom("", " ", "  "),
        fc.boolean(),
        (sub, pool, authenticated, providers, tags, space, reverse) => {
          const pairs = [
            `sub=${sub}`,
            `pool=${pool}`,
            `amr=${authenticated ? "authenticated" : "unauthenticated"}`,
            ...providers.map((provider) => `provider=${provider}`),
            ...Object.entries(tags).map(([key, tag]) => `tag:${key}=${tag}`),
          ];
          const text = (reverse ? pairs.reverse() : pairs).join(`,${space}`);
          const identity = parseIdentity(text, false);
          expect(identity.identityId).toBe(sub);
          expect(identity.identityPoolId).toBe(pool);
          expect(identity.authenticated).toBe(authenticated);
          expect([...(identity.providers ?? [])].sort()).toEqual([...providers].sort());
          expect(identity.principalTags ?? {}).toEqual(tags);
        },
      ),
    );
  });

  it("refuses any pair without = or with an unknown key (usage error, never a partial identity)", () => {
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[a-z]{1,8}$/)
          .filter((key) => !["sub", "pool", "amr", "provider"].includes(key)),
        (key) => {
          expect(() => parseIdentity(`sub=eu-west-1:x, pool=p, ${key}=v`, false)).toThrowCode(
            "usage",
          );
          expect(() => parseIdentity(`sub=eu-west-1:x, pool=p, ${key}`, false)).toThrowCode(
            "usage",
          );
        },
      ),
    );
  });
});
