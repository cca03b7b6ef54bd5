/**
 * Checks the synthesized template: exactly one `AWS::ApiGateway::RestApi`, whose `Policy` is the
 * document @gatehouse/policy produced, after the rewrites CDK is known to apply (below). Exits 1
 * with the differences otherwise.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cloudFormationPolicy, resourcePolicyHash } from "../src/resource-policy.mjs";

const STACK_NAME = "GatehouseResourcePolicyExample";
const templateUrl = new URL(`../cdk.out/${STACK_NAME}.template.json`, import.meta.url);

/**
 * What `iam.PolicyDocument` does to a document on the way out: `Version` is always
 * "2012-10-17", `Id` is dropped, a one-element list (Action, Resource, principal ids) becomes a
 * plain string and duplicates in those lists are removed. Anything else (merged or reordered
 * statements, changed values) is a real difference.
 */
function asCdkEmitsIt(policy) {
  const one = (value) => {
    if (!Array.isArray(value)) return value;
    const unique = [...new Set(value)];
    return unique.length === 1 ? unique[0] : unique;
  };
  const principal = (value) =>
    value === "*" || value === undefined
      ? value
      : Object.fromEntries(Object.entries(value).map(([key, ids]) => [key, one(ids)]));
  return {
    Version: "2012-10-17",
    Statement: policy.Statement.map((statement) =>
      Object.fromEntries(
        Object.entries({
          ...statement,
          Principal: principal(statement.Principal),
          NotPrincipal: principal(statement.NotPrincipal),
          Action: one(statement.Action),
          NotAction: one(statement.NotAction),
          Resource: one(statement.Resource),
          NotResource: one(statement.NotResource),
        }).filter(([, value]) => value !== undefined),
      ),
    ),
  };
}

function fail(message) {
  console.error(`check-template: ${message}`);
  process.exit(1);
}

let template;
try {
  template = JSON.parse(readFileSync(templateUrl, "utf8"));
} catch (error) {
  fail(`cannot read ${templateUrl.pathname}: ${error.message}`);
}
const resources = Object.entries(template.Resources ?? {});
const apis = resources.filter(([, resource]) => resource.Type === "AWS::ApiGateway::RestApi");
if (apis.length !== 1) fail(`expected 1 AWS::ApiGateway::RestApi, found ${apis.length}`);
const [apiId, api] = apis[0];
const actual = api.Properties?.Policy;
if (actual === undefined) fail(`${apiId} has no Policy property`);

try {
  assert.deepStrictEqual(actual, asCdkEmitsIt(cloudFormationPolicy));
} catch (error) {
  fail(`${apiId}.Policy differs from the @gatehouse/policy output:\n${error.message}`);
}

const deployments = resources.filter(([, r]) => r.Type === "AWS::ApiGateway::Deployment");
if (deployments.length !== 1)
  fail(`expected 1 AWS::ApiGateway::Deployment, found ${deployments.length}`);

console.log(
  `check-template: ${apiId}.Policy matches @gatehouse/policy (${actual.Statement.length} statements, policy hash ${resourcePolicyHash.slice(0, 12)})`,
);
