/**
 * One address, many spellings: every part that reads a source address (cidrContains, the
 * evaluator, the gateway model) gives each spelling of an IPv4 address the answer of the address
 * itself, or refuses it; and a refused spelling never gets past a Deny list.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import { composeResourcePolicy } from "../resource-policy/compose-resource-policy.js";
import { ipDenylist } from "../resource-policy/ip-denylist.js";
import { cidrContains } from "./cidr-contains.js";
import { normalizeIpAddress } from "./normalize-ip-address.js";
import { parseCidr } from "./parse-cidr.js";

type Octets = [number, number, number, number];

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
const ALLOW_RESPONSE = {
  principalId: "user-1",
  policyDocument: {
    Version: "2012-10-17",
    Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: METHOD_ARN }],
  },
};

const octetsArb = fc.tuple(
  fc.nat(255),
  fc.nat(255),
  fc.nat(255),
  fc.nat(255),
) as fc.Arbitrary<Octets>;

const dotted = (o: Octets) => o.join(".");
const hex = (n: number, pad: boolean, upper: boolean) => {
  const text = n.toString(16).padStart(pad ? 4 : 1, "0");
  return upper ? text.toUpperCase() : text;
};

/** A spelling of the address and whether it must be accepted (as that address) or refused. */
interface Spelling {
  text: string;
  accepted: boolean;
}

function spellingArb(o: Octets): fc.Arbitrary<Spelling> {
  const g6 = (o[0] << 8) | o[1];
  const g7 = (o[2] << 8) | o[3];
  const ok = (text: string): Spelling => ({ text, accepted: true });
  const no = (text: string): Spelling => ({ text, accepted: false });
  return fc.oneof(
    fc.constant(ok(dotted(o))),
    fc
      .tuple(fc.boolean(), fc.boolean())
      .map(([upper, pad]) =>
        ok(`::${upper ? "FFFF" : "ffff"}:${hex(g6, pad, upper)}:${hex(g7, pad, upper)}`),
      ),
    fc.boolean().map((upper) => ok(`::${upper ? "FFFF" : "ffff"}:${dotted(o)}`)),
    fc
      .constantFrom(
        "0:0:0:0:0:ffff:",
        "0000:0000:0000:0000:0000:FFFF:",
        "::0:ffff:",
        "0::ffff:",
        "0:0:0::ffff:",
      )
      .map((head) => ok(`${head}${dotted(o)}`)),
    // Ambiguous or not an address: refused.
    fc.nat(3).map((i) => no(o.map((octet, j) => (j === i ? `0${octet}` : `${octet}`)).join("."))),
    fc.constant(no(`::ffff:${o.map((octet, j) => (j === 0 ? `0${octet}` : octet)).join(".")}`)),
    fc.constantFrom(" ", "\t", "\n").map((space) => no(`${space}${dotted(o)}`)),
    fc.constant(no(`${dotted(o)} `)),
    fc.constant(no(`::ffff:${dotted(o)}%eth0`)),
    fc.constant(no(`${dotted(o)}:443`)),
    fc.constant(no(`[::ffff:${dotted(o)}]:443`)),
    fc.constant(no(`::${dotted(o)}`)),
    fc.constant(no(`::ffff:0:${dotted(o)}`)),
    fc.constant(no(`64:ff9b::${dotted(o)}`)),
    fc.constant(no(`64:ff9b::${hex(g6, false, false)}:${hex(g7, false, false)}`)),
  );
}

const caseArb = octetsArb.chain((o) => fc.tuple(fc.constant(o), spellingArb(o)));

/** IPv4 blocks (also written IPv4-mapped), IPv6 blocks, and blocks near the address. */
function blockArb(o: Octets): fc.Arbitrary<string> {
  const near = fc
    .integer({ min: 0, max: 32 })
    .chain((prefix) =>
      fc.constantFrom(`${dotted(o)}/${prefix}`, `::ffff:${dotted(o)}/${prefix + 96}`),
    );
  const anyV4 = fc
    .tuple(octetsArb, fc.integer({ min: 0, max: 32 }))
    .chain(([net, prefix]) =>
      fc.constantFrom(`${dotted(net)}/${prefix}`, `::ffff:${dotted(net)}/${prefix + 96}`),
    );
  const v6 = fc.constantFrom("::/0", "2001:db8::/32", "::ffff:0:0/95", "::/96", "64:ff9b::/95");
  return fc.oneof(near, anyV4, v6);
}

const withBlock = caseArb.chain(([o, spelling]) =>
  fc.tuple(fc.constant(o), fc.constant(spelling), blockArb(o)),
);

function refused(run: () => unknown, code: string): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (isPolicyError(error) && error.code === code) return true;
    throw error;
  }
}

describe("IP spellings", () => {
  it("normalises an accepted spelling to the address and refuses the others", () => {
    fc.assert(
      fc.property(caseArb, ([o, spelling]) => {
        if (spelling.accepted) expect(normalizeIpAddress(spelling.text)).toBe(dotted(o));
        else
          expect(refused(() => normalizeIpAddress(spelling.text), "invalid_ip_address")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("cidrContains: the same membership as the address for every block, or a refusal", () => {
    fc.assert(
      fc.property(withBlock, ([o, spelling, block]) => {
        const cidr = parseCidr(block);
        const expected = cidrContains(cidr, dotted(o));
        if (spelling.accepted) expect(cidrContains(cidr, spelling.text)).toBe(expected);
        else
          expect(refused(() => cidrContains(cidr, spelling.text), "invalid_ip_address")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("evaluatePolicy: an IP denylist treats an accepted spelling as the address, and denies every refused one", () => {
    fc.assert(
      fc.property(withBlock, ([o, spelling, block]) => {
        // A NONE-auth API: the composed policy keeps its Allow, so "allow" shows the address is not listed.
        const policy = composeResourcePolicy([ipDenylist({ cidrs: [block] })], {
          authTypes: ["NONE"],
        });
        const decide = (ip: string) =>
          evaluatePolicy(policy, {
            action: "execute-api:Invoke",
            resource: METHOD_ARN,
            context: { "aws:SourceIp": ip },
          }).decision;
        const expected = decide(dotted(o));
        expect(expected).toBe(cidrContains(block, dotted(o)) ? "explicit-deny" : "allow");
        expect(decide(spelling.text)).toBe(spelling.accepted ? expected : "explicit-deny");
      }),
      { numRuns: 1000 },
    );
  });

  it("the gateway model: an ipDenylist denies every accepted spelling of a listed address before the authorizer, and refuses the others", async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb.chain(([o, spelling]) =>
          fc.tuple(
            fc.constant(o),
            fc.constant(spelling),
            fc.array(blockArb(o), { maxLength: 3 }),
            fc.integer({ min: 0, max: 32 }),
          ),
        ),
        async ([o, spelling, others, prefix]) => {
          // The address is listed: its own block (written either way) plus any others.
          const listed = [`${dotted(o)}/${prefix}`, ...others];
          const resourcePolicy = composeResourcePolicy([ipDenylist({ cidrs: listed })], {
            authTypes: ["LAMBDA"],
          });
          let invoked = 0;
          const run = () =>
            evaluateApiGatewayAccess({
              methodArn: METHOD_ARN,
              endpointType: "REGIONAL",
              authType: "LAMBDA",
              sourceIp: spelling.text,
              resourcePolicy,
              authorizer: () => {
                invoked += 1;
                return ALLOW_RESPONSE;
              },
            });
          if (!spelling.accepted) {
            await expect(run()).rejects.toMatchObject({ code: "invalid_request" });
            expect(invoked).toBe(0);
            return;
          }
          const result = await run();
          expect(result).toMatchObject({ status: 403, reason: "resource_policy_explicit_deny" });
          expect(invoked).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
