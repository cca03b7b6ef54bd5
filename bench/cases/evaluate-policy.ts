/**
 * Evaluator throughput: `evaluatePolicy` on a realistic 10-statement resource policy (account
 * allowlist, public health check, IPv4/IPv6 denylists, VPC and VPC-endpoint rules, string
 * conditions), for a request it allows and one it denies; and the same policy compiled once with
 * `compilePolicy`, as a gateway holding one resource policy would use it.
 */
import {
  type CompiledPolicy,
  compilePolicy,
  type EvaluationRequest,
  evaluatePolicy,
  type PolicyDocument,
} from "@gatehouse/policy";
import { defineSuite } from "../src/suite.js";

const api = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

const blockedV4 = [
  "203.0.113.0/24",
  "198.51.100.128/25",
  "192.0.2.0/24",
  "45.33.32.0/20",
  "185.220.100.0/22",
  "185.220.101.0/24",
  "171.25.193.0/24",
  "162.247.72.0/21",
  "109.70.100.0/24",
  "104.244.72.0/21",
  "89.234.157.254/32",
  "81.17.16.0/20",
  "62.102.148.0/22",
  "51.15.0.0/16",
  "46.165.230.5/32",
  "23.129.64.0/24",
  "5.2.69.0/24",
  "2.58.56.0/22",
  "176.10.99.200/29",
  "193.218.118.0/24",
  "199.249.230.0/24",
  "204.8.96.0/22",
  "209.141.32.0/19",
  "217.79.178.53/32",
];
const blockedV6 = [
  "2001:db8:bad::/48",
  "2001:db8:dead:beef::/64",
  "2a0b:f4c2::/40",
  "2a03:e600:100::/48",
  "2620:7:6001::/48",
  "2605:6400:30::/44",
  "2001:67c:e60::/48",
  "2a0e:b107:178::/48",
  "2a10:c800:1::/48",
  "2001:620:20d0::/48",
  "2a02:418:6017::/48",
  "2607:5300:201:3000::/56",
];

/** Ten statements, in the order a team would grow them; resources in the expanded ARN form. */
const policy: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "AllowPartnerAccounts",
      Effect: "Allow",
      Principal: {
        AWS: ["111122223333", "444455556666", "arn:aws:iam::777788889999:role/checkout"],
      },
      Action: "execute-api:Invoke",
      Resource: `${api}/prod/*`,
    },
    {
      Sid: "AllowPublicHealthCheck",
      Effect: "Allow",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/prod/GET/health`,
    },
    {
      Sid: "DenyBlockedIPv4",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/*`,
      Condition: { IpAddress: { "aws:SourceIp": blockedV4 } },
    },
    {
      Sid: "DenyBlockedIPv6",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/*`,
      Condition: { IpAddress: { "aws:SourceIp": blockedV6 } },
    },
    {
      Sid: "DenyInternalOutsideVpcs",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/prod/*/internal/*`,
      Condition: {
        StringNotEquals: { "aws:SourceVpc": ["vpc-0a1b2c3d4e5f60718", "vpc-1122aabb"] },
      },
    },
    {
      Sid: "DenyAdminOutsideEndpoint",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: [`${api}/prod/*/admin`, `${api}/prod/*/admin/*`],
      Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } },
    },
    {
      Sid: "DenyQuarantinedSubnets",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/*`,
      Condition: {
        IpAddress: { "aws:VpcSourceIp": ["10.13.0.0/16", "10.99.128.0/17", "fd00:13::/32"] },
      },
    },
    {
      Sid: "DenyScannerUserAgents",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/*`,
      Condition: {
        StringLike: { "aws:UserAgent": ["*sqlmap*", "*nikto*", "*masscan*", "curl/7.1?.*"] },
      },
    },
    {
      Sid: "DenyDeletesFromPartners",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/prod/DELETE/*`,
      Condition: { StringNotEquals: { "aws:PrincipalAccount": "111122223333" } },
    },
    {
      Sid: "DenyStagingOutsideOffice",
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: `${api}/staging/*`,
      Condition: { NotIpAddress: { "aws:SourceIp": ["198.18.0.0/15", "2001:db8:cafe::/48"] } },
    },
  ],
};

const caller = {
  arn: "arn:aws:sts::111122223333:assumed-role/orders/session-1",
  accountId: "111122223333",
};
const context = {
  "aws:SourceIp": "198.19.7.42",
  "aws:UserAgent": "orders-service/2.3 (node 20)",
  "aws:PrincipalAccount": "111122223333",
};

/** Passes every deny (each condition is evaluated) and matches the partner allow. */
const allowed: EvaluationRequest = {
  action: "execute-api:Invoke",
  resource: `${api}/prod/GET/orders/42`,
  principal: caller,
  context,
};

/** Same caller from an address in the IPv6 denylist. */
const denied: EvaluationRequest = {
  ...allowed,
  context: { ...context, "aws:SourceIp": "2a0b:f4c2:0:1::17" },
};

function check(result: ReturnType<typeof evaluatePolicy>, decision: string): void {
  if (result.decision !== decision) {
    throw new Error(`expected ${decision}, got ${result.decision} ${result.error?.message ?? ""}`);
  }
}

function expectDecision(request: EvaluationRequest, decision: string): () => void {
  return () => check(evaluatePolicy(policy, request), decision);
}

/** Compiled in `setup`, outside the timed loop: the cost paid once when a gateway loads a policy. */
let compiled: CompiledPolicy | undefined;

function compileAndExpect(request: EvaluationRequest, decision: string): () => void {
  return () => {
    compiled = compilePolicy(policy);
    check(compiled.evaluate(request), decision);
  };
}

export default defineSuite({
  name: "evaluatePolicy: 10-statement resource policy",
  description:
    "`evaluatePolicy(policy, request)` on a 10-statement resource policy (3 partner accounts, 24 IPv4 " +
    "and 12 IPv6 CIDRs denied, VPC / VPC-endpoint / user-agent / account conditions). Baseline: " +
    "`JSON.parse(JSON.stringify(policy))`, a floor that visits every node of the document once — " +
    "a scale reference, not a competitor. The compiled case calls `compilePolicy(policy)` once in " +
    "setup and times only `compiled.evaluate(request)`.",
  cases: [
    {
      name: "JSON round trip of the policy (floor)",
      baseline: true,
      fn: () => JSON.parse(JSON.stringify(policy)),
    },
    {
      name: "allowed request",
      setup: expectDecision(allowed, "allow"),
      fn: () => evaluatePolicy(policy, allowed),
    },
    {
      name: "denied request (IPv6 denylist)",
      setup: expectDecision(denied, "explicit-deny"),
      fn: () => evaluatePolicy(policy, denied),
    },
    {
      name: "compiled policy, allowed request",
      setup: compileAndExpect(allowed, "allow"),
      fn: () => compiled!.evaluate(allowed),
    },
  ],
  importCost: [
    { name: "@gatehouse/policy", specifier: "@gatehouse/policy" },
    { name: "evaluatePolicy only", specifier: "@gatehouse/policy", exports: ["evaluatePolicy"] },
    { name: "compilePolicy only", specifier: "@gatehouse/policy", exports: ["compilePolicy"] },
  ],
});
