// Where to send the browser after log-in (or any other "come back to" parameter): only a path on the
// app's own origin. The target is resolved with the WHATWG URL parser, the one browsers use, so the
// tricks that read as a path to a naive check but as another host to a browser ("/\t/host" loses its
// tab and becomes "//host", "/\host", "/.//host" normalising to "//host") are judged as the browser
// will judge them.

// Any origin serves: the check is "does the target stay on whatever origin it is resolved against".
const BASE = "http://lantern.invalid";

// Control characters (tab, CR, LF, NUL…) are never part of a path we generate; browsers drop some of
// them silently, and CR/LF in a Location header would break the response.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * `to` when it is a path on this site ("/o/acme/suppliers?tier=2"), re-serialised so it is safe for a
 * Location header; `fallback` for anything else (another origin, a scheme, a relative or odd value).
 */
export function safeRedirect(to: unknown, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || CONTROL.test(to) || to.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//host" resolves on our origin but its path "//host" is protocol-relative in a Location header.
  if (path.startsWith("//")) return fallback;
  return path;
}
