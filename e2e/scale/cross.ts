// State that must be the cluster's, not a server's: a session started on one server works on
// another (and ends on both when ended on one), and failed log-ins count against one limit whichever
// server they reach. Requests go to the servers directly (their own ports), each from a client address
// of its own (X-Forwarded-For, believed from loopback: TRUST_PROXY=loopback), so the proof's own
// load, which all comes from 127.0.0.1, never shares their limits.
import { LOGIN_ACCOUNT_SOURCE } from "~/lib/rate-limit.server";
import { DEMO_PASSWORD } from "~db/seed/demo";
import type { Check } from "./checks";

const FORM = "application/x-www-form-urlencoded";

function login(server: string, email: string, password: string, clientIp: string) {
  return fetch(`${server}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "" }).toString(),
    headers: { "Content-Type": FORM, Origin: server, "X-Forwarded-For": clientIp },
    redirect: "manual",
  });
}

export async function checkSessionAcrossServers(a: string, b: string, slug: string, email: string): Promise<Check> {
  const ip = "198.51.100.20";
  const lines: string[] = [];
  const r = await login(a, email, DEMO_PASSWORD, ip);
  const cookie = r.headers.get("set-cookie")?.split(";")[0];
  lines.push(`log-in on A (${a}): ${r.status}${cookie ? ", session cookie set" : ", no session cookie"}`);
  if (!cookie) return { name: "session: logged in on A, works on B", pass: false, lines };
  const onB = await fetch(`${b}/o/${slug}`, { headers: { Cookie: cookie, "X-Forwarded-For": ip }, redirect: "manual" });
  lines.push(`dashboard on B (${b}) with that session: ${onB.status}`);
  const out = await fetch(`${b}/logout`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: b, "X-Forwarded-For": ip, "Content-Type": FORM },
    redirect: "manual",
  });
  const afterOnA = await fetch(`${a}/o/${slug}`, { headers: { Cookie: cookie, "X-Forwarded-For": ip }, redirect: "manual" });
  const toLogin = afterOnA.status >= 300 && afterOnA.status < 400 && (afterOnA.headers.get("location") ?? "").includes("/login");
  lines.push(
    `log-out on B: ${out.status}; the same cookie on A afterwards: ${afterOnA.status} → ${afterOnA.headers.get("location") ?? "-"}`,
  );
  return { name: "session: logged in on A, works on B, logged out on B ends it on A", pass: onB.status === 200 && toLogin, lines };
}

/** Wrong passwords for one account from one address, alternating A and B: refused (429) after LOGIN_ACCOUNT_SOURCE.limit. */
export async function checkRateLimitAcrossServers(a: string, b: string, email: string): Promise<Check> {
  const ip = "203.0.113.77";
  const limit = LOGIN_ACCOUNT_SOURCE.limit;
  const statuses: string[] = [];
  let refusedAt = 0;
  for (let i = 1; i <= limit + 2; i++) {
    const server = i % 2 ? a : b;
    const r = await login(server, email, "not-the-password", ip);
    statuses.push(`${i % 2 ? "A" : "B"}:${r.status}`);
    if (r.status === 429 && !refusedAt) refusedAt = i;
  }
  const firstOk = statuses.slice(0, limit).every((s) => s.endsWith(":401"));
  return {
    name: `rate limit: wrong passwords alternating A/B refused after ${limit} (${LOGIN_ACCOUNT_SOURCE.bucket}, per account and address)`,
    pass: firstOk && refusedAt === limit + 1,
    lines: [`attempts: ${statuses.join(" ")}; first refusal at attempt ${refusedAt || "never"} (expected ${limit + 1})`],
  };
}
