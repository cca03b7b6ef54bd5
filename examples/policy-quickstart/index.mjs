/**
 * Gatehouse quickstart (`pnpm demo`): build a resource policy for an API that partner accounts
 * call with SigV4, check it, and ask what API Gateway would answer to a few callers.
 * Exits with 1 if any answer differs from the expected one.
 */
import * as gatehouse from "@gatehouse/policy";

const {
  accountAllowlist,
  composeResourcePolicy,
  evaluatePolicy,
  ipDenylist,
  policyHash,
  policySize,
} = gatehouse;

// 1. The policy: two partners may call the API, except from blocked networks.
const rules = [
  accountAllowlist({ principals: ["111122223333", "arn:aws:iam::444455556666:role/partner-app"] }),
  ipDenylist({ cidrs: ["203.0.113.0/24", "198.51.100.128/25", "2001:db8:bad::/48"] }),
];
const api = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
// Every method of this API uses AWS_IAM: the account allowlist is the only Allow.
const authTypes = ["AWS_IAM"];
const short = composeResourcePolicy(rules, { authTypes });
const expanded = composeResourcePolicy(rules, { authTypes, form: "expanded", target: api });
const size = policySize(short, api);

console.log("Resource policy (short form, as you write it):");
console.log(JSON.stringify(short, null, 2));
console.log(`\nExpanded for API ${api.apiId} (what API Gateway stores):`);
console.log(JSON.stringify(expanded, null, 2));
console.log(`\npolicyHash: ${policyHash(short)}`);
console.log(`size: ${size.short} chars short, ${size.expanded} expanded (limit ${size.limit})`);

// 2. The linter, told how the API is set up.
if (typeof gatehouse.lintResourcePolicy === "function") {
  const findings = gatehouse.lintResourcePolicy(short, {
    endpointType: "REGIONAL",
    authTypes,
    ipAddressType: "dualstack",
    target: api,
  });
  console.log(`\nLint: ${findings.length === 0 ? "no findings" : `${findings.length} finding(s)`}`);
  for (const f of findings) console.log(`  ${f.severity} ${f.code} at ${f.path}: ${f.message}`);
}

// 3. Who gets in? `decision` is the resource policy's own answer; `status` is what the caller
//    sees once API Gateway combines it with the caller's IAM policy (AWS_IAM methods).
const methodArn = `arn:aws:execute-api:us-east-1:123456789012:${api.apiId}/prod/GET/orders/42`;
const invokeAnything = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "execute-api:Invoke", Resource: "arn:aws:execute-api:*:*:*/*" },
  ],
};
const caller = (arn, callerPolicy = invokeAnything) => ({
  arn,
  accountId: arn.split(":")[4],
  signatureValid: true,
  callerPolicy,
});
const cases = [
  {
    who: "partner 1111 (role orders)",
    ip: "192.0.2.10",
    caller: caller("arn:aws:iam::111122223333:role/orders"),
    decision: "allow",
    status: 200,
  },
  {
    who: "partner 4444 (role partner-app)",
    ip: "192.0.2.10",
    caller: caller("arn:aws:iam::444455556666:role/partner-app"),
    decision: "allow",
    status: 200,
  },
  {
    who: "partner 1111 from 203.0.113.9",
    ip: "203.0.113.9",
    caller: caller("arn:aws:iam::111122223333:role/orders"),
    decision: "explicit-deny",
    status: 403,
  },
  {
    who: "partner 1111 from 2001:db8:bad::1",
    ip: "2001:db8:bad::1",
    caller: caller("arn:aws:iam::111122223333:role/orders"),
    decision: "explicit-deny",
    status: 403,
  },
  {
    who: "another account (9999)",
    ip: "192.0.2.10",
    caller: caller("arn:aws:iam::999999999999:role/app"),
    decision: "implicit-deny",
    status: 403,
  },
  {
    who: "partner 1111 without an IAM policy",
    ip: "192.0.2.10",
    caller: caller("arn:aws:iam::111122223333:role/orders", null),
    decision: "allow",
    status: 403,
  },
  {
    who: "same account (1234), IAM policy allows",
    ip: "192.0.2.10",
    caller: caller("arn:aws:iam::123456789012:role/ops"),
    decision: "implicit-deny",
    status: 200,
  },
  {
    who: "unsigned request",
    ip: "192.0.2.10",
    caller: null,
    decision: "implicit-deny",
    status: 403,
  },
];

const rows = [];
let failures = 0;
for (const c of cases) {
  const result = evaluatePolicy(expanded, {
    action: "execute-api:Invoke",
    resource: methodArn,
    principal: c.caller ? { arn: c.caller.arn, accountId: c.caller.accountId } : "anonymous",
    context: { "aws:SourceIp": c.ip },
  });
  const matched = result.matched.map((m) => m.sid ?? `#${m.index}`).join(", ");
  let status = "";
  let why = matched || result.error?.message || "no statement matched";
  if (typeof gatehouse.evaluateApiGatewayAccess === "function") {
    const access = await gatehouse.evaluateApiGatewayAccess({
      methodArn,
      endpointType: "REGIONAL",
      resourcePolicy: expanded,
      sourceIp: c.ip,
      authType: "AWS_IAM",
      caller: c.caller,
    });
    status = access.status;
    why = `${access.reason}${matched ? ` (${matched})` : ""}`;
  }
  const ok = result.decision === c.decision && (status === "" || status === c.status);
  if (!ok) failures++;
  rows.push([
    ok ? "ok" : "MISMATCH",
    c.who,
    `${c.decision} / ${c.status}`,
    `${result.decision}${status === "" ? "" : ` / ${status}`}`,
    why,
  ]);
}

console.log(`\nGET /prod/orders/42 on ${api.apiId}, an AWS_IAM method from a REGIONAL API.`);
console.log("decision: the resource policy alone; status: what API Gateway answers the caller.");
const header = ["", "caller", "expected", "actual", "why"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
for (const row of [header, ...rows]) {
  console.log(
    row
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join("  ")
      .trimEnd(),
  );
}
console.log(failures === 0 ? "\nAll answers as expected." : `\n${failures} answer(s) differ.`);
process.exitCode = failures === 0 ? 0 : 1;
