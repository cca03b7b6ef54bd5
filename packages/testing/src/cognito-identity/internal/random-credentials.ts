import { randomBytes } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function pick(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * Fresh temporary credentials shaped like AWS's: `ASIA` + 16 characters, a 40-character secret, a
 * long opaque session token.
 * @internal
 */
export function randomCredentials(): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
} {
  return {
    accessKeyId: `ASIA${pick(UPPER_ALNUM, 16)}`,
    secretAccessKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(300).toString("base64"),
  };
}

/** A role's unique id as STS shows it, `AROA` + 17 characters. @internal */
export function randomRoleId(): string {
  return `AROA${pick(UPPER_ALNUM, 17)}`;
}
