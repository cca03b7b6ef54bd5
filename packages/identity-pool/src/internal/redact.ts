/**
 * @internal A service message made safe to show: anything shaped like a JWT or a long base64 run
 * (a token, a key) is replaced, and the length is bounded.
 */
export function redact(message: string): string {
  return message.replace(/[\w-]+\.[\w-]+\.[\w-]+|[\w+/=-]{40,}/g, "[redacted]").slice(0, 300);
}
