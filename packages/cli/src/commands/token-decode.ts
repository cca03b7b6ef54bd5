import type { CommandSpec } from "../internal/command.js";
import { decodeJwt, describeTimes } from "../internal/decode-jwt.js";
import { readValue } from "../internal/read-input.js";

/** `gatehouse token decode`. @internal */
export const tokenDecode: CommandSpec = {
  path: ["token", "decode"],
  summary: "show a JWT's header and claims (no verification; never the signature)",
  args: "<jwt|@file|->",
  description: [
    "Decodes without verifying: anyone can write these claims. Use `gatehouse token verify` to check the signature, issuer and audience. A leading `Bearer ` is ignored. Prefer @file or - (stdin) to keep the token out of your shell history.",
  ],
  options: {
    json: { type: "boolean", description: "Print { header, claims } as JSON" },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    "gatehouse token decode eyJraWQiOi...",
    "pbpaste | gatehouse token decode -",
    "gatehouse token decode @token.txt --json | jq .claims.scope",
  ],
  exitCodes: ["0  decoded", "2  not a JWT (or unreadable input)"],
  async run(context) {
    const token = await readValue(context.positionals[0] as string, context.io);
    const { header, claims } = decodeJwt(token);
    const { out } = context;
    if (context.flag("json")) {
      out.json({ header, claims });
      return 0;
    }
    out.line(out.bold("header"));
    out.line(JSON.stringify(header, null, 2));
    out.line(out.bold("claims"));
    out.line(JSON.stringify(claims, null, 2));
    const times = describeTimes(claims, Date.now());
    if (times.length > 0) {
      out.line(out.bold("times"));
      for (const line of times) out.line(`  ${line}`);
    }
    out.note(out.dim("signature not shown; not verified (use `gatehouse token verify`)"));
    return 0;
  },
};
