// Type-checked use of the packed @gatehouse/policy (tsc --noEmit, nodenext, strict).
import {
  composeResourcePolicy,
  type Decision,
  type EvaluationRequest,
  type EvaluationResult,
  type ExecuteApiArn,
  evaluatePolicy,
  ipDenylist,
  isPolicyError,
  type Partition,
  type PolicyDocument,
  type PolicyErrorCode,
  type PrincipalArn,
  parseExecuteApiArn,
  parsePrincipalArn,
  partitionOfRegion,
} from "@gatehouse/policy";

const arn: ExecuteApiArn = parseExecuteApiArn("execute-api:/prod/GET/pets");
const form: "full" | "short" = arn.form;

const policy: PolicyDocument = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
  authTypes: ["NONE"],
});
const request: EvaluationRequest = {
  action: "execute-api:Invoke",
  resource: "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/pets",
  principal: "anonymous",
  context: { "aws:SourceIp": "192.0.2.7" },
};
const result: EvaluationResult = evaluatePolicy(policy, request);
const decision: Decision = result.decision;

function describe(error: unknown): PolicyErrorCode | undefined {
  return isPolicyError(error) ? error.code : undefined;
}

const partition: Partition = partitionOfRegion("us-iso-east-1");
const principal: PrincipalArn = parsePrincipalArn("arn:aws:sts::123456789012:assumed-role/app/s1");
const roleName: string | undefined =
  principal.kind === "assumed-role" ? principal.roleName : undefined;

// @ts-expect-error a decision is one of three strings
const wrong: Decision = "maybe";

// @ts-expect-error the presets take an options object
ipDenylist(["192.0.2.0/24"]);

export { decision, describe, form, partition, roleName, wrong };
