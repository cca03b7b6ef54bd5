import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flagTerm, inFlagTerms, renameOptions } from "./flag-paths.js";

const PATHS = {
  "ipDenylist.cidrs": "--deny-ip",
  "*.resources": "--resource",
  "target.accountId": "--account",
  resourcePolicy: "policy.json",
};

describe("flagTerm", () => {
  it("says a list index as the flag's value number, with the value", () => {
    const values = (flag: string) => (flag === "--deny-ip" ? ["192.0.2.0/24", "300.1.1.1"] : []);
    expect(flagTerm("ipDenylist.cidrs[1]", PATHS, values)).toBe('--deny-ip value #2 ("300.1.1.1")');
    expect(flagTerm("ipDenylist.cidrs[1]", PATHS)).toBe("--deny-ip value #2");
  });

  it("matches `*.` entries on any first segment, and only whole segments", () => {
    expect(flagTerm("ipAllowlist.resources[0]", PATHS)).toBe("--resource value #1");
    expect(flagTerm("target.accountIdentifier", PATHS)).toBeUndefined();
    expect(flagTerm("target.accountId", PATHS)).toBe("--account");
    expect(flagTerm("resources", PATHS)).toBeUndefined();
  });

  it("points into a file for a document path", () => {
    expect(flagTerm("resourcePolicy.Statement[0].Effect", PATHS)).toBe(
      "policy.json at Statement[0].Effect",
    );
  });

  it("does not repeat a value the message already quotes", () => {
    const values = () => ["300.1.1.1"];
    expect(flagTerm("ipDenylist.cidrs[0]", PATHS, values, 'x "300.1.1.1" y')).toBe(
      "--deny-ip value #1",
    );
  });

  it("maps every index of every value list (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        (values, seed) => {
          const index = seed % values.length;
          const term = flagTerm(`ipDenylist.cidrs[${index}]`, PATHS, () => values);
          expect(term).toBe(`--deny-ip value #${index + 1} (${JSON.stringify(values[index])})`);
        },
      ),
    );
  });
});

describe("inFlagTerms", () => {
  it("replaces the path where the message names it, else puts the term first", () => {
    expect(
      inFlagTerms("target.accountId is not 12 digits", "target.accountId", "invalid_arn", PATHS),
    ).toBe("invalid_arn: --account is not 12 digits");
    expect(
      inFlagTerms("not an execute-api ARN", "ipDenylist.resources[0]", "invalid_arn", PATHS),
    ).toBe("--resource value #1: invalid_arn: not an execute-api ARN");
    expect(inFlagTerms("bad", undefined, "invalid_request", PATHS, undefined, "--arn")).toBe(
      "--arn: invalid_request: bad",
    );
  });
});

describe("renameOptions", () => {
  it("renames option names as whole words only (property)", () => {
    const names = { sourceIp: "--source-ip", jwksUri: "--jwks-uri" };
    expect(renameOptions("options.jwksUri must use https", names)).toBe(
      "--jwks-uri must use https",
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]{1,8}$/), (suffix) => {
        // A longer identifier that starts with an option name is another name: left alone.
        const text = `sourceIp${suffix} and x.sourceIp`;
        expect(renameOptions(text, names)).toBe(text);
      }),
    );
  });
});
