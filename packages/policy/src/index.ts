/**
 * @gatehouse/policy: execute-api ARNs, Lambda-authorizer responses, resource policies, a local
 * IAM / API Gateway evaluator, a linter and IaC output. No runtime dependencies.
 *
 * Each section below is owned by one folder of `src/`; exports are named one by one.
 */

// document
export type {
  ConditionBlock,
  ConditionValue,
  OneOrMany,
  PolicyDocument,
  PolicyEffect,
  PolicyPrincipal,
  PolicyStatement,
  PolicyVersion,
} from "./document/policy-document.js";
export type { PolicyErrorCode, PolicyErrorOptions } from "./errors.js";
// errors
export { isPolicyError, PolicyError } from "./errors.js";
// @section document

// arn
export type { ExecuteApiArn, Partition } from "./arn/execute-api-arn.js";
// @section arn

// cidr
// @section cidr

// authorizer-response
// @section authorizer-response

// resource-policy
// @section resource-policy

// evaluate
// @section evaluate

// gateway
// @section gateway

// lint
// @section lint

// iac
// @section iac
