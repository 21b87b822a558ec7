import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { Engine } from "~db/client";

// Everything a loader/action gets from the server besides the request: the process's one database
// client, the CSP nonce of this response and the client's IP (for rate limits and the audit log).
export interface LanternContext {
  db: Kysely<Database>;
  engine: Engine;
  nonce: string;
  clientIp: string;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LanternContext {}
}
