/**
 * The server side of a WebSocket opening handshake (RFC 6455), enough to accept a `$connect`:
 * no message loop; a close frame from the client is answered, other frames are dropped.
 * @internal
 * @packageDocumentation
 */
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { GatewayReply } from "../../http/internal/gateway-response.js";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** @internal Writes a plain HTTP response on an upgrade socket and ends it. */
export function writeRawReply(socket: Duplex, reply: GatewayReply): void {
  const lines = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ""}`];
  for (const [name, value] of Object.entries(reply.headers)) {
    for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
  }
  lines.push(`content-length: ${reply.body.length}`, "connection: close", "", "");
  socket.end(Buffer.concat([Buffer.from(lines.join("\r\n")), reply.body]));
}

/** @internal Answers 101 and keeps the socket open until the client closes it. */
export function acceptWebSocket(socket: Duplex, key: string, protocol: string | undefined): void {
  const accept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  const lines = [
    "HTTP/1.1 101 Switching Protocols",
    "upgrade: websocket",
    "connection: Upgrade",
    `sec-websocket-accept: ${accept}`,
  ];
  if (protocol !== undefined) lines.push(`sec-websocket-protocol: ${protocol}`);
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  socket.on("data", (chunk: Buffer) => {
    // Opcode 0x8 is a close frame: answer it with an empty close frame and end.
    if (chunk.length > 0 && ((chunk[0] as number) & 0x0f) === 0x8)
      socket.end(Buffer.from([0x88, 0x00]));
  });
  socket.on("error", () => socket.destroy());
}
