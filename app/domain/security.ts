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
