/**
 * A CDK app that puts a @gatehouse/policy resource policy on an API Gateway REST API with one
 * mock-integration method. The stack is environment-agnostic and does no context lookups, so
 * `cdk synth` runs offline without credentials (see scripts/synth.mjs).
 *
 * API Gateway applies a changed resource policy only after a redeploy; CDK's automatic deployment
 * does not hash the policy, so the policy hash is added to the deployment's logical id.
 *
 * @example
 * ```sh
 * pnpm --filter @gatehouse/policy build && pnpm --filter @gatehouse/example-cdk-resource-policy test
 * ```
 * @see ../../../docs/policy/iac.md
 */
import { App, Stack } from "aws-cdk-lib";
import * as apigateway from "aws-cdk-lib/aws-apigateway";
import * as iam from "aws-cdk-lib/aws-iam";
import { cloudFormationPolicy, resourcePolicyHash } from "./resource-policy.mjs";

export const STACK_NAME = "GatehouseResourcePolicyExample";

const app = new App();
const stack = new Stack(app, STACK_NAME, {
  description: "Gatehouse example: REST API with an account allowlist and an IP denylist",
});

const api = new apigateway.RestApi(stack, "Api", {
  restApiName: "gatehouse-resource-policy-example",
  policy: iam.PolicyDocument.fromJson(cloudFormationPolicy),
  deployOptions: { stageName: "prod" },
  // Keeps the example to this API: no account-wide API Gateway CloudWatch role.
  cloudWatchRole: false,
});
api.latestDeployment?.addToLogicalId({ resourcePolicyHash });

api.root.addMethod(
  "GET",
  new apigateway.MockIntegration({
    requestTemplates: { "application/json": '{"statusCode": 200}' },
    integrationResponses: [
      { statusCode: "200", responseTemplates: { "application/json": '{"ok": true}' } },
    ],
  }),
  {
    // An AWS principal in the resource policy only matches SigV4-signed (AWS_IAM) callers.
    authorizationType: apigateway.AuthorizationType.IAM,
    methodResponses: [{ statusCode: "200" }],
  },
);

app.synth();
