// Type-checked against the packed @gatehouse/cli (nodenext, strict) by scripts/check-packages.mjs.
import {
  type CliIo,
  type DemoResult,
  EXIT_CODES,
  type ExitCode,
  run,
  runDemo,
} from "@gatehouse/cli";

const io: Partial<CliIo> = { stdout: { write: (text: string) => text.length }, env: {} };
const pending: Promise<ExitCode> = run(["--help"], io);
const demo: Promise<DemoResult> = runDemo({ onRow: (row) => row.matched });
const usage: 2 = EXIT_CODES.usage;
export const used = [pending, demo, usage];

// @ts-expect-error: argv is a list of strings.
run("policy generate");
