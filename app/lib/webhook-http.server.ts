// One webhook POST to an address checked beforehand (webhook-target.server.ts): the connection goes to
// that address whatever DNS says now (the request's `lookup` answers it), TLS still checks the
// certificate for the URL's name, redirects are not followed (a 3xx is a failed attempt), the whole
// exchange has a short deadline, and no more than a few bytes of the answer are read.
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";

export interface PostInput {
  url: URL;
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}
export interface PostResult {
  status: number | null;
  error: string | null;
}
export type Poster = (input: PostInput) => Promise<PostResult>;

/** Bytes of a response body read at most (receivers are meant to answer 2xx with an empty body). */
export const RESPONSE_CAP_BYTES = 1024;

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

export const postPinned: Poster = (input) =>
  new Promise<PostResult>((resolve) => {
    let settled = false;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(r);
    };
    const secure = input.url.protocol === "https:";
    const hostname = input.url.hostname.replace(/^\[|\]$/g, "");
    const req = (secure ? https : http).request({
      method: "POST",
      hostname,
      port: input.url.port || (secure ? 443 : 80),
      path: `${input.url.pathname}${input.url.search}`,
      headers: { ...input.headers, "Content-Length": String(Buffer.byteLength(input.body)) },
      lookup: pinnedLookup(input.address, input.family),
      agent: false,
      ...(secure && !isIP(hostname) ? { servername: hostname } : {}),
    });
    const deadline = setTimeout(() => {
      req.destroy(new Error(`no answer within ${input.timeoutMs / 1000} s`));
    }, input.timeoutMs);
    req.on("response", (res) => {
      const status = res.statusCode ?? null;
      let read = 0;
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read >= RESPONSE_CAP_BYTES) {
          res.destroy();
          done({ status, error: null });
        }
      });
      res.on("end", () => done({ status, error: null }));
      res.on("error", () => done({ status, error: null }));
      res.on("close", () => done({ status, error: null }));
    });
    req.on("error", (e) => done({ status: null, error: e.message.slice(0, 300) }));
    req.end(input.body);
  });
