// Smoke test of the packed @gatehouse/policy from ESM (run by scripts/check-packages.mjs).
import assert from "node:assert/strict";
import {
  compilePolicy,
  composeResourcePolicy,
  evaluatePolicy,
  formatExecuteApiArn,
  ipDenylist,
  isPolicyError,
  PolicyError,
  parseExecuteApiArn,
  partitionOfRegion,
  policyHash,
} from "@gatehouse/policy";

const methodArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets/42";
const arn = parseExecuteApiArn(methodArn);
assert.equal(arn.accountId, "123456789012");
assert.equal(arn.stage, "prod");
assert.equal(arn.method, "GET");
assert.equal(arn.path, "/pets/42");
assert.equal(formatExecuteApiArn(arn), methodArn);

assert.throws(
  () => parseExecuteApiArn("arn:aws:s3:::bucket"),
  (error) => error instanceof PolicyError && isPolicyError(error) && error.code === "invalid_arn",
);

assert.equal(partitionOfRegion("cn-north-1"), "aws-cn");

const target = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
  authTypes: ["LAMBDA"],
  form: "expanded",
  target,
});
assert.equal(policy.Version, "2012-10-17");
assert.match(policyHash(policy), /^[0-9a-f]{64}$/);

const request = (sourceIp) => ({
  action: "execute-api:Invoke",
  resource: methodArn,
  principal: "anonymous",
  context: { "aws:SourceIp": sourceIp },
});
assert.equal(evaluatePolicy(policy, request("192.0.2.7")).decision, "explicit-deny");
assert.notEqual(evaluatePolicy(policy, request("198.51.100.7")).decision, "explicit-deny");
// Never throws: a malformed policy fails closed with the reason kept.
const broken = evaluatePolicy({ Statement: "nope" }, request("192.0.2.7"));
assert.equal(broken.decision, "implicit-deny");
assert.ok(isPolicyError(broken.error));

// Compiled once, evaluated many times, with the same answers.
const compiled = compilePolicy(policy);
assert.equal(compiled.evaluate(request("192.0.2.7")).decision, "explicit-deny");
assert.equal(
  compiled.evaluate(request("198.51.100.7")).decision,
  evaluatePolicy(policy, request("198.51.100.7")).decision,
);

console.log("ok: ESM import of @gatehouse/policy");
