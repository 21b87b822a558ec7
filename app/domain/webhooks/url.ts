// What an admin may subscribe: an https URL without credentials whose host is a public name or a public
// address. The URL parser (WHATWG) already reads decimal, octal and hex IPv4 spellings as the address
// they spell (https://0x7f000001/ is https://127.0.0.1/), so the check sees the real address. A name
// still has to be resolved (and checked again at every delivery): see app/lib/webhook-target.server.ts.
import { classifyAddress, parseIPv4, type AddressKind } from "./address";

export const MAX_URL_LENGTH = 2048;

export type UrlCheck =
  { ok: true; url: string; host: string; ip: string | null; testOrigin: boolean } | { ok: false; message: string; kind?: AddressKind };

/** Names that only mean something inside a network (and the metadata services' names among them). */
const INTERNAL_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet"];

export const KIND_WORDS: Record<AddressKind, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  "link-local": "a link-local address",
  "cloud metadata": "a cloud metadata address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
  invalid: "not a valid address",
};

/** The refusal for an address of this kind, in words an admin can act on. */
export function refusedAddress(kind: AddressKind): string {
  return `The address points to ${KIND_WORDS[kind]}: webhooks go only to public internet addresses.`;
}

/**
 * Checks a webhook URL. `testOrigins` are exact origins a test receiver listens on
 * (WEBHOOK_TEST_ALLOW_ORIGINS, never set in production): only they may be plain http or private.
 */
export function checkWebhookUrl(raw: string, testOrigins: readonly string[]): UrlCheck {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) return { ok: false, message: `The address is too long (at most ${MAX_URL_LENGTH} characters).` };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { ok: false, message: "This is not a web address. Enter one that starts with https://." };
  }
  if (u.username !== "" || u.password !== "") {
    return { ok: false, message: "The address must not contain a user name or password: the signature proves who sends." };
  }
  if (testOrigins.includes(u.origin)) return { ok: true, url: u.href, host: u.hostname, ip: null, testOrigin: true };
  if (u.protocol !== "https:") return { ok: false, message: "The address must start with https:// (deliveries are encrypted)." };
  const host = u.hostname.replace(/\.$/, "").toLowerCase();
  const literal = host.startsWith("[") ? host.slice(1, -1) : parseIPv4(host) ? host : null;
  if (literal !== null) {
    const c = classifyAddress(literal);
    if (!c.public) return { ok: false, message: refusedAddress(c.kind), kind: c.kind };
    return { ok: true, url: u.href, host, ip: literal, testOrigin: false };
  }
  const labels = host.split(".");
  if (labels.length < 2 || INTERNAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`))) {
    return { ok: false, message: "The address uses an internal name: webhooks go only to public internet addresses." };
  }
  return { ok: true, url: u.href, host, ip: null, testOrigin: false };
}
