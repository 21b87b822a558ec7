import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { log } from "./lib/logger.server";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce ?? "";
  withDefaultReferrerPolicy(responseHeaders);
  // One string per page rather than a stream: no page defers data, and building the response from
  // a string skips the per-chunk work of Node and web streams (a third of a page's cost here).
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Bytes, not a string: the Fetch Response scans a string body for lone surrogates (USVString) and
  // then encodes it; Buffer.from encodes it once (a 40 kB page: ~0.26 ms → ~0.15 ms). Same bytes.
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`, "utf8"), { headers: responseHeaders, status: responseStatusCode });
}

/** Pages share nothing with other sites; routes that carry tokens in their URL say "no-referrer" themselves. */
function withDefaultReferrerPolicy(headers: Headers): void {
  if (!headers.has("Referrer-Policy")) headers.set("Referrer-Policy", "same-origin");
}

export function handleDataRequest(response: Response): Response {
  withDefaultReferrerPolicy(response.headers);
  return response;
}

// Errors thrown by loaders/actions: logged server-side (with stack); the user sees the error boundary.
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  log.error("request error", { error: error instanceof Error ? error.stack : String(error) });
}
