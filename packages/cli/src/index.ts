/**
 * @gatehouse/cli: the `gatehouse` command (programmatic entry: `run(argv, io)`).
 */

// @section cli
export type { CliIo, CliStream } from "./cli-io.js";
export type { CliErrorCode } from "./errors.js";
export { CliError, isCliError } from "./errors.js";
export type { ExitCode } from "./exit-codes.js";
export { EXIT_CODES } from "./exit-codes.js";
export { run } from "./run.js";
// @section audit
export type {
  AuditedGatewayConfig,
  GatewayAuditCaller,
  GatewayAuditSection,
} from "./audit/gateway-audit-config.js";
export type { AuditReport } from "./commands/audit.js";
// @section demo
export type { DemoResult, DemoRow, RunDemoOptions } from "./demo/run-demo.js";
export { runDemo } from "./demo/run-demo.js";
