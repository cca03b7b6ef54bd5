import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliIo } from "../cli-io.js";
import { usageError } from "../errors.js";

/** Reads a file (relative to `io.cwd`), or stdin for `-`; unreadable input is a usage error. @internal */
export async function readText(path: string, io: CliIo): Promise<string> {
  if (path === "-") {
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of io.stdin) {
      text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }
  try {
    return await readFile(resolve(io.cwd, path), "utf8");
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw usageError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads and parses a JSON file (or stdin for `-`). @internal */
export async function readJson(path: string, io: CliIo): Promise<unknown> {
  const text = await readText(path, io);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw usageError(`${path === "-" ? "stdin" : path} is not JSON: ${(error as Error).message}`);
  }
}

/** A value given inline, as `@file`, or `-` for stdin (tokens, bodies). @internal */
export async function readValue(value: string, io: CliIo): Promise<string> {
  if (value === "-") return (await readText("-", io)).trim();
  if (value.startsWith("@")) return (await readText(value.slice(1), io)).trim();
  return value;
}
