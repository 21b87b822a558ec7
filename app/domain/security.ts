// Pure security policies: the Content-Security-Policy and the cross-site request check.

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // recharts and React set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for state-changing requests, on top of SameSite=Lax cookies.
 * Browsers send Sec-Fetch-Site on every request (it cannot be set by page scripts): trust it when present.
 * Otherwise fall back to the Origin header. A request with neither comes from a non-browser client,
 * which cannot carry a victim's cookies, so it is allowed.
 */
export function isCrossSiteRequest(input: {
  method: string;
  secFetchSite: string | null;
  origin: string | null;
  expectedOrigin: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.secFetchSite) return !(input.secFetchSite === "same-origin" || input.secFetchSite === "none");
  // Origin "null" is what a browser sends under Referrer-Policy no-referrer or from sandboxed frames.
  if (input.origin && input.origin !== "null") return input.origin !== input.expectedOrigin;
  return input.origin === "null";
}

/**
 * The "source" a rate limit counts for a client address. An IPv4 address is one source; an IPv6
 * client usually holds a whole /64 (and can pick any address in it), so all of a /64 is one source.
 */
export function clientSource(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.toLowerCase().split("::", 2) as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return ip;
  return (
    groups
      .slice(0, 4)
      .map((g) => g.replace(/^0+(?=.)/, ""))
      .join(":") + "::/64"
  );
}
