/**
 * A clock corrected by what API Gateway said the time was. Share one per process (or per API) so
 * that every signer learns from the first skew rejection.
 */
export interface ClockOffset {
  /** The corrected time: local time plus {@link ClockOffset.offsetMs}. */
  now(): Date;
  /** Server time minus local time, in milliseconds; 0 until a skew rejection is seen. Settable (e.g. restored from storage). */
  offsetMs: number;
  /**
   * Looks at a response and, when it is API Gateway's clock-skew rejection (403 with
   * `Signature expired: ... is now earlier than ...` or `Signature not yet current: ... is still
   * later than ...`), sets the offset from the response's `Date` header, or from the server time in
   * the message when the header is not readable (browsers hide `Date` from cross-origin scripts
   * unless the API exposes it). Every other response is ignored.
   *
   * @param response - The response; only `status` and `headers.get` are read.
   * @param bodyText - The response body as text; without it a rejection cannot be recognised.
   * @returns `true` when the response was a skew rejection and the offset changed, so a retry
   *   signed with {@link ClockOffset.now} may succeed.
   */
  learnFromResponse(
    response: { status: number; headers: { get(name: string): string | null } },
    bodyText?: string,
  ): boolean;
}

/** Options of {@link createClockOffset}. */
export interface ClockOffsetOptions {
  /**
   * The local time in milliseconds since the epoch.
   * @default Date.now
   */
  now?: () => number;
}

const SKEW_MESSAGE =
  /Signature (?:expired: .{1,64}? is now earlier than|not yet current: .{1,64}? is still later than) /;
/** API Gateway writes the server time in brackets: `(20240101T001000Z - 5 min.)`. */
const SERVER_TIME = /\((\d{8}T\d{6}Z) [+-] \d+ min\.\)/;

/**
 * Creates a clock that corrects itself from API Gateway's clock-skew rejections. SigV4 signatures
 * are refused when the signing time is more than 5 minutes away from the server's; a device with a
 * wrong clock then fails every request. The signed fetch retries such a rejection once, signed with
 * the corrected time.
 *
 * The offset has the `Date` header's one-second resolution, well inside the 5-minute tolerance.
 *
 * @param options - See {@link ClockOffsetOptions}.
 * @returns A {@link ClockOffset} with offset 0.
 * @throws TypeError when `options.now` is not a function.
 * @example
 * ```ts
 * const clock = createClockOffset();
 * const response = await fetch(signedRequest.url, signedRequest);
 * if (response.status === 403 && clock.learnFromResponse(response, await response.clone().text())) {
 *   // sign again with `date: clock.now()` and retry once
 * }
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html
 */
export function createClockOffset(options: ClockOffsetOptions = {}): ClockOffset {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createClockOffset: options must be an object");
  }
  const localNow = options.now ?? Date.now;
  if (typeof localNow !== "function") {
    throw new TypeError("createClockOffset: options.now must be a function");
  }
  let offset = 0;
  return {
    now: () => new Date(localNow() + offset),
    get offsetMs() {
      return offset;
    },
    set offsetMs(value: number) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new TypeError("ClockOffset: offsetMs must be a finite number of milliseconds");
      }
      offset = value;
    },
    learnFromResponse(response, bodyText) {
      if (response.status !== 403 || typeof bodyText !== "string") return false;
      if (!SKEW_MESSAGE.test(bodyText)) return false;
      const serverMs =
        parseHttpDate(response.headers.get("date")) ??
        parseAmzDate(SERVER_TIME.exec(bodyText)?.[1]);
      if (serverMs === undefined) return false;
      const learned = serverMs - localNow();
      if (learned === offset) return false;
      offset = learned;
      return true;
    },
  };
}

function parseHttpDate(value: string | null): number | undefined {
  if (value === null) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function parseAmzDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isFinite(ms) ? ms : undefined;
}
