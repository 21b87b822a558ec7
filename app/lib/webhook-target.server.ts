// Where a webhook may go, checked when it is subscribed and again before every delivery: the URL
// (app/domain/webhooks/url.ts), then every address its name resolves to. The delivery then connects to
// the address checked here (webhook-http.server.ts pins it), so a DNS answer that changes between
// the check and the connection (DNS rebinding) never reaches an internal address.
import { lookup } from "node:dns/promises";
import { classifyAddress } from "~/domain/webhooks/address";
import { checkWebhookUrl, refusedAddress } from "~/domain/webhooks/url";
import { env } from "./env.server";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Resolves a host name to all its addresses; injectable so tests can play a rebinding DNS server. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

const RESOLVE_TIMEOUT_MS = 5_000;

export const systemResolver: Resolver = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), RESOLVE_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  } finally {
    clearTimeout(timer);
  }
};

export type Target = { ok: true; url: URL; address: string; family: 4 | 6; testOrigin: boolean } | { ok: false; message: string };

/** The test receivers' origins (WEBHOOK_TEST_ALLOW_ORIGINS): empty in production. */
export function testOrigins(): readonly string[] {
  return env().WEBHOOK_TEST_ALLOW_ORIGINS;
}

/**
 * Checks `raw` and resolves its host: every address the name has must be public (one private answer
 * among public ones refuses the lot: the connection could go to either). Answers the address to connect to.
 */
export async function resolveTarget(raw: string, resolver: Resolver, origins: readonly string[] = testOrigins()): Promise<Target> {
  const checked = checkWebhookUrl(raw, origins);
  if (!checked.ok) return checked;
  const url = new URL(checked.url);
  if (checked.ip) return { ok: true, url, address: checked.ip, family: checked.ip.includes(":") ? 6 : 4, testOrigin: false };
  const bare = url.hostname.replace(/^\[|\]$/g, "");
  const literal = classifyAddress(bare);
  if (checked.testOrigin && (literal.public || literal.kind !== "invalid")) {
    return { ok: true, url, address: bare, family: bare.includes(":") ? 6 : 4, testOrigin: true };
  }
  let found: ResolvedAddress[];
  try {
    found = await resolver(checked.host);
  } catch {
    return { ok: false, message: `The name ${checked.host} could not be found. Check the address.` };
  }
  if (found.length === 0) return { ok: false, message: `The name ${checked.host} could not be found. Check the address.` };
  if (!checked.testOrigin) {
    for (const a of found) {
      const c = classifyAddress(a.address);
      if (!c.public) return { ok: false, message: refusedAddress(c.kind) };
    }
  }
  return { ok: true, url, address: found[0]!.address, family: found[0]!.family, testOrigin: checked.testOrigin };
}
