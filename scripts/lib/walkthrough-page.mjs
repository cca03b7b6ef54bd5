/**
 * A walkthrough page (docs/getting-started.md, an example's README) as the runner sees it: the
 * marked code blocks as steps, and the one bash session that runs them. Markers: see
 * scripts/walkthrough.mjs.
 */
import { dirname, isAbsolute, join, normalize, sep } from "node:path";

export const PROJECT = "my-api";
const MARKER = /^\s*<!--\s*walkthrough:\s*([\w-]+)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(?:\[([^\]]+)\])?.*$/;

/**
 * A page that cannot be walked, or a bad invocation, with a stable `code`: `unknown_marker`,
 * `marker_without_block`, `unclosed_block`, `not_shell`, `file_without_path`,
 * `path_outside_project`, `no_run_step`, `bad_argument`, `not_built`.
 */
export class WalkthroughError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "WalkthroughError";
    this.code = code;
  }
}

/**
 * The steps a page marks, in page order: `{ kind: "checkout" | "run" | "file", line, lang, code,
 * path? }` (`line`: 1-based line of the marker; `path` for files, relative to `my-api/`).
 */
export function parseWalkthrough(markdown) {
  const lines = markdown.split(/\r?\n/);
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (!marker) continue;
    const kind = marker[1];
    const line = i + 1;
    if (!["checkout", "run", "file"].includes(kind)) {
      throw new WalkthroughError(
        "unknown_marker",
        `line ${line}: unknown marker "walkthrough: ${kind}"`,
      );
    }
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === "") j++;
    const fence = FENCE.exec(lines[j] ?? "");
    if (!fence) {
      throw new WalkthroughError(
        "marker_without_block",
        `line ${line}: "walkthrough: ${kind}" is not followed by a code block`,
      );
    }
    const [, indent, ticks, lang, title] = fence;
    const body = [];
    let k = j + 1;
    for (; k < lines.length; k++) {
      const closing = lines[k].trim();
      if (closing.startsWith(ticks) && /^[`~]+$/.test(closing)) break;
      body.push(lines[k].startsWith(indent) ? lines[k].slice(indent.length) : lines[k]);
    }
    if (k === lines.length)
      throw new WalkthroughError("unclosed_block", `line ${j + 1}: code block never closed`);
    const step = { kind, line, lang, code: `${body.join("\n")}\n` };
    if (kind === "file") step.path = checkedPath(title, line);
    else if (!["sh", "bash", "shell", "console"].includes(lang)) {
      throw new WalkthroughError(
        "not_shell",
        `line ${line}: a "${kind}" block must be \`\`\`sh, got "${lang}"`,
      );
    }
    steps.push(step);
    i = k;
  }
  if (!steps.some((step) => step.kind === "run")) {
    throw new WalkthroughError("no_run_step", "no `<!-- walkthrough: run -->` block on the page");
  }
  return steps;
}

function checkedPath(title, line) {
  const path = title?.trim();
  if (!path) {
    throw new WalkthroughError(
      "file_without_path",
      `line ${line}: a "file" block needs its path as the fence title, e.g. \`\`\`ts [src/authorizer.ts]`,
    );
  }
  const normal = normalize(path);
  if (isAbsolute(normal) || normal === ".." || normal.startsWith(`..${sep}`)) {
    throw new WalkthroughError(
      "path_outside_project",
      `line ${line}: file path ${path} must stay inside ${PROJECT}/`,
    );
  }
  return normal.split(sep).join("/");
}

const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The bash session for the steps: `set -euo pipefail`, then each step after a `::walkthrough-step
 * <n>::` line on stdout; file steps copy `<filesDir>/<n>` into `my-api/<path>`.
 */
export function buildSession(steps, { root, filesDir }) {
  const out = ["set -euo pipefail", "exec 2>&1", `cd ${quote(root)}`];
  steps.forEach((step, n) => {
    if (step.kind === "checkout") return;
    out.push("", `printf '\\n::walkthrough-step %d::\\n' ${n}`);
    if (step.kind === "run") out.push(step.code.trimEnd());
    else {
      const target = `${root}/${PROJECT}/${step.path}`;
      out.push(
        `mkdir -p ${quote(dirname(target))}`,
        `cp ${quote(join(filesDir, String(n)))} ${quote(target)}`,
      );
    }
  });
  out.push("", "printf '\\n::walkthrough-step done::\\n'", "");
  return out.join("\n");
}

/** One line naming a step: `run (line 18): mkdir my-api && ...`. */
export function describeStep(step) {
  const what = step.kind === "file" ? step.path : step.code.trim().split("\n")[0];
  return `${step.kind} (line ${step.line}): ${what}`;
}
