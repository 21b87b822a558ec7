// What the crash tests do to a server over HTTP, as the browser would: a CSV import (upload, column
// mapping → check, commit) and the supplier portal's answer autosave.
import type { CrashServer } from "./crash-server";

const FORM = "application/x-www-form-urlencoded";

export const CSV_HEADERS = [
  "external_ref",
  "name",
  "country",
  "city",
  "sector",
  "goods",
  "annual_spend",
  "currency",
  "workers_count",
  "contact_email",
  "supplies_to",
];
const COUNTRIES = ["CN", "IN", "BD", "VN", "TR", "PK", "MX", "BR", "PT", "DE"];
const GOODS = ["Cotton", "Garments", "Textiles", "Footwear", "Electronics"];

/** `rows` new suppliers with references `<prefix>000001…`, each after the first supplying an earlier one (a tree of links). */
export function crashCsv(prefix: string, rows: number): string {
  const ref = (i: number) => `${prefix}${String(i + 1).padStart(6, "0")}`;
  const lines = [CSV_HEADERS.join(",")];
  for (let i = 0; i < rows; i++) {
    const buyer = i === 0 ? "" : ref(Math.floor((i - 1) / 3));
    lines.push(
      [
        ref(i),
        `Crash Test Mill ${prefix} ${i + 1}`,
        COUNTRIES[i % COUNTRIES.length],
        `City ${i % 97}`,
        "Apparel",
        GOODS[i % GOODS.length],
        String(1000 + i),
        "USD",
        String(20 + (i % 500)),
        `mill${i + 1}@example.com`,
        buyer,
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

async function expectRedirect(r: Response, what: string): Promise<string> {
  if (r.status !== 302 && r.status !== 303) throw new Error(`${what} answered ${r.status}: ${(await r.text()).slice(0, 500)}`);
  return r.headers.get("location") ?? "";
}

/** Uploads a CSV as the import page does; the new import's id. */
export async function uploadCsv(server: CrashServer, cookie: string, slug: string, filename: string, csv: string): Promise<number> {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), filename);
  const r = await fetch(`${server.url}/o/${slug}/suppliers/import?index`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: server.url },
    redirect: "manual",
  });
  const location = await expectRedirect(r, "the upload");
  const id = /\/suppliers\/import\/(\d+)$/.exec(location)?.[1];
  if (!id) throw new Error(`the upload redirected to ${location}`);
  return Number(id);
}

async function importStep(
  server: CrashServer,
  cookie: string,
  slug: string,
  importId: number,
  fields: Record<string, string>,
  what: string,
): Promise<void> {
  const r = await fetch(`${server.url}/o/${slug}/suppliers/import/${importId}`, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": FORM },
    redirect: "manual",
  });
  await expectRedirect(r, what);
}

/** Maps every column to the field of the same name and queues the check. */
export function queueCheck(server: CrashServer, cookie: string, slug: string, importId: number): Promise<void> {
  const fields: Record<string, string> = { intent: "check", columns: String(CSV_HEADERS.length) };
  CSV_HEADERS.forEach((h, i) => (fields[`col${i}`] = h));
  return importStep(server, cookie, slug, importId, fields, "queueing the check");
}

export function queueCommit(server: CrashServer, cookie: string, slug: string, importId: number): Promise<void> {
  return importStep(server, cookie, slug, importId, { intent: "commit" }, "queueing the import");
}

/** Opens the invite link's supplier session (the Start button); the Cookie header for /s/portal. */
export async function supplierCookie(server: CrashServer, token: string): Promise<string> {
  const r = await fetch(`${server.url}/s/${token}`, {
    method: "POST",
    body: "intent=start",
    headers: { "Content-Type": FORM, Origin: server.url },
    redirect: "manual",
  });
  await expectRedirect(r, "starting the supplier session");
  const cookie = r.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no supplier session cookie");
  return cookie;
}

/** One question the autosave loop writes, and the value of its n-th save. */
export interface AutosaveQuestion {
  key: string;
  value: (n: number) => unknown;
}

export interface Save {
  key: string;
  revision: number;
  value: unknown;
  comment: string;
}

export interface AutosaveOutcome {
  /** Saves the server answered with 200 {revision}, in the order the answers came. */
  confirmed: Save[];
  /** Per question, the save that was on the wire when the server died (no answer). */
  inFlight: Map<string, Omit<Save, "revision"> & { baseRevision: number }>;
  /** Other answers, by status (409 conflict, 5xx …). */
  otherStatuses: Record<string, number>;
}

/**
 * Autosaves the questions in parallel (one client per question, each save based on the revision the
 * previous one got back, as the portal does) until `killAfter` saves are confirmed; then kills the
 * server while the other clients' saves are in flight, and returns what was confirmed.
 */
export async function autosaveUntilKilled(o: {
  server: CrashServer;
  cookie: string;
  assessmentId: number;
  questions: readonly AutosaveQuestion[];
  startRevisions: Record<string, number>;
  killAfter: number;
  stamp: string;
}): Promise<AutosaveOutcome> {
  const out: AutosaveOutcome = { confirmed: [], inFlight: new Map(), otherStatuses: {} };
  let killing: Promise<void> | null = null;
  const client = async (q: AutosaveQuestion) => {
    let base = o.startRevisions[q.key] ?? 0;
    for (let n = 1; !killing; n++) {
      const value = q.value(n);
      const comment = `${o.stamp} ${q.key} save ${n}`;
      out.inFlight.set(q.key, { key: q.key, value, comment, baseRevision: base });
      let r: Response;
      try {
        r = await fetch(`${o.server.url}/s/portal/answer`, {
          method: "POST",
          headers: { Cookie: o.cookie, Origin: o.server.url, "Content-Type": FORM },
          body: new URLSearchParams({
            assessmentId: String(o.assessmentId),
            questionKey: q.key,
            value: JSON.stringify(value),
            comment,
            baseRevision: String(base),
          }).toString(),
        });
      } catch {
        return; // the server is gone: this save stays "in flight"
      }
      type Answer = { revision?: number; conflict?: { revision: number } } | null;
      let body: Answer = null as Answer;
      try {
        body = (await r.json()) as Answer;
      } catch {
        if (r.status === 200) return; // the connection died mid-answer: still "in flight"
      }
      out.inFlight.delete(q.key);
      if (r.status === 200 && typeof body?.revision === "number") {
        out.confirmed.push({ key: q.key, revision: body.revision, value, comment });
        base = body.revision;
        if (out.confirmed.length >= o.killAfter && !killing) killing = o.server.kill();
      } else {
        out.otherStatuses[r.status] = (out.otherStatuses[r.status] ?? 0) + 1;
        if (r.status === 409 && body?.conflict) base = body.conflict.revision;
        if (r.status >= 500) await new Promise((res) => setTimeout(res, 20));
      }
    }
  };
  // A server that stops confirming saves must not hang the test: kill it after 30 s anyway (the
  // caller's count of confirmed saves then tells what happened).
  const deadline = setTimeout(() => (killing ??= o.server.kill()), 30_000);
  try {
    await Promise.all(o.questions.map(client));
  } finally {
    clearTimeout(deadline);
  }
  await killing;
  return out;
}
