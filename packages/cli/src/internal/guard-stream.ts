import type { CliStream } from "../cli-io.js";

/** Per process stream: whether it broke (the reader of a pipe went away). */
const broken = new WeakMap<NodeJS.WritableStream, { closed: boolean }>();

/**
 * A process stream that survives its reader going away: `gatehouse token decode ... | head` closes
 * the pipe early, and Node reports the next write as an `EPIPE` error event, a crash with a stack
 * trace when nothing listens. The rest of the output is dropped quietly and the command ends with
 * its own exit code.
 * @internal
 */
export function guardStream(stream: NodeJS.WriteStream): CliStream {
  let state = broken.get(stream);
  if (state === undefined) {
    const created = { closed: false };
    state = created;
    broken.set(stream, created);
    // EPIPE above all; any other write error (EIO on a closed terminal) leaves nowhere to write.
    stream.on("error", () => {
      created.closed = true;
    });
  }
  const current = state;
  return {
    write: (text: string) => {
      if (current.closed || stream.destroyed) return false;
      try {
        return stream.write(text);
      } catch {
        current.closed = true;
        return false;
      }
    },
    get isTTY() {
      return stream.isTTY === true;
    },
  };
}
