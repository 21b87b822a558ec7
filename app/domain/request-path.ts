// A request path read the way the router matches it: percent-escapes decoded, case ignored, empty
// segments skipped. Decisions made on a path (which limit applies, what to redact from the log) must
// read it this way, or "/S/x" and "/%73/x" — which the router serves as "/s/x" — slip past them.

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The path's segments as the router compares them: decoded and lower-case, without empty ones. */
export function routeSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((p) => p !== "")
    .map((p) => decode(p).toLowerCase());
}

/**
 * Whether `pathname` is served by the route `pattern` ("/o/:org/actions/:id"): static segments compare
 * case-insensitively, ":name" matches any one segment, and the segment counts must be equal.
 */
export function matchesRoute(pathname: string, pattern: string): boolean {
  const segs = routeSegments(pathname);
  const want = pattern.split("/").filter((p) => p !== "");
  return segs.length === want.length && want.every((w, i) => w.startsWith(":") || w.toLowerCase() === segs[i]);
}

/** The decoded form of one path segment (unchanged when it is not valid percent-encoding). */
export { decode as decodeSegment };
