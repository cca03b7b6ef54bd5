import type { IncomingMessage } from "node:http";

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The path of a request-target without parsing it as a URL (a target such as `//` or
 * `//evil.example/x` is a path here, never a host): origin-form `/a/b?q` gives `/a/b`;
 * absolute-form `http://host/a?q` gives `/a` (`/` without a path); the asterisk-form `*` and
 * anything else give `undefined`. The path stays percent-encoded, as received.
 * @internal
 */
export function requestPath(target: string | undefined): string | undefined {
  if (target === undefined || target === "") return undefined;
  let rest = target;
  if (ABSOLUTE_FORM.test(target)) {
    const afterScheme = target.indexOf("//") + 2;
    const pathAt = target.slice(afterScheme).search(/[/?#]/);
    if (pathAt === -1) return "/";
    rest = target.slice(afterScheme + pathAt);
    if (!rest.startsWith("/")) return "/";
  }
  if (!rest.startsWith("/")) return undefined;
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * The absolute URL a request was sent to, for SigV4: an absolute-form target as received,
 * otherwise `http://{Host}{target}`.
 * @internal
 */
export function receivedUrl(request: IncomingMessage): string {
  const target = request.url ?? "/";
  return ABSOLUTE_FORM.test(target)
    ? target
    : `http://${request.headers.host ?? "127.0.0.1"}${target}`;
}
