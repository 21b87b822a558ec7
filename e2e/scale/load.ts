// The proof's load, through the balancer, as browsers would send it: officers browsing the supplier
// list, the dashboard and supplier pages, officers editing suppliers (read the edit page's data, post
// the form with the version it came with), an officer sending questionnaires (each queues a mail), and
// suppliers autosaving answers through their invite links. Every request is timed; every write the
// server confirmed is kept, to be looked for in the database afterwards.
import type { CrashServer } from "../support/crash-server";
import { supplierCookie } from "../support/crash-flows";
import { toFormValues, type SupplierLike } from "~/schemas/supplier-form";

const FORM = "application/x-www-form-urlencoded";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Req {
  kind: string;
  start: number;
  end: number;
  /** 0: no HTTP answer (connection refused or reset). */
  status: number;
  /** A failed request: the start of the answer (who refused: the balancer or the app). */
  note?: string;
}

/** A failed request: no answer, or a 5xx (502/503 from the balancer or a server shedding load). */
export const failed = (r: Req) => r.status === 0 || r.status >= 500;

export interface ConfirmedEdit {
  supplierId: number;
  notes: string;
  baseVersion: number;
  status: number;
}
export interface ConfirmedSave {
  assessmentId: number;
  key: string;
  revision: number;
  value: unknown;
  comment: string;
}
export interface Attempt {
  what: string;
  /** A unique stamp of the attempt (its notes, its comment). */
  stamp: string;
}

export class Recorder {
  reqs: Req[] = [];
  edits: ConfirmedEdit[] = [];
  saves: ConfirmedSave[] = [];
  invites: Array<{ assessmentId: number; email: string; status: number }> = [];
  /** Writes sent whose answer never came (the server died under them): they may or may not have landed. */
  unanswered: Attempt[] = [];
  /** Other answers to writes, by kind and status (a 409 conflict after an unanswered save, …). */
  other: Record<string, number> = {};
  /** Initial version of each edited supplier (the first the loop read). */
  firstVersion = new Map<number, number>();

  async fetch(kind: string, url: string, init: RequestInit = {}): Promise<{ res: Response | null; body: string; req: Req }> {
    const start = Date.now();
    let res: Response | null = null;
    let body = "";
    try {
      res = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(30_000) });
      body = await res.text();
    } catch {
      res = null;
    }
    const req: Req = { kind, start, end: Date.now(), status: res?.status ?? 0 };
    if (failed(req)) {
      req.note = res
        ? body
            .replace(/<[^>]+>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 80)
        : "no answer";
      await sleep(50); // as a browser would not retry at once
    }
    this.reqs.push(req);
    return { res, body, req };
  }

  countOther(kind: string, status: number) {
    const k = `${kind} ${status}`;
    this.other[k] = (this.other[k] ?? 0) + 1;
  }
}

export interface LoadTarget {
  base: string;
  slug: string;
  /** Cookie headers of officers' sessions (one per loop). */
  officerCookies: string[];
  /** Supplier ids to open in the browsing loops. */
  supplierIds: number[];
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** An officer reading: the supplier list (a random page), the dashboard, a supplier's page. */
export async function browseLoop(rec: Recorder, t: LoadTarget, cookie: string, stop: () => boolean): Promise<void> {
  const h = { headers: { Cookie: cookie } };
  while (!stop()) {
    await rec.fetch("list", `${t.base}/o/${t.slug}/suppliers?page=${1 + Math.floor(Math.random() * 20)}`, h);
    if (stop()) break;
    await rec.fetch("dashboard", `${t.base}/o/${t.slug}`, h);
    if (stop()) break;
    await rec.fetch("supplier", `${t.base}/o/${t.slug}/suppliers/${pick(t.supplierIds)}`, h);
  }
}

const EDIT_ROUTE = "routes/o.$org.suppliers.$id.edit";

/** An officer editing the suppliers of `ids` in turn: each save sends the version it read and a unique note. */
export async function editLoop(rec: Recorder, t: LoadTarget, cookie: string, ids: number[], tag: string, stop: () => boolean) {
  for (let n = 1; !stop(); n++) {
    const id = ids[n % ids.length]!;
    const page = `${t.base}/o/${t.slug}/suppliers/${id}/edit`;
    const got = await rec.fetch("edit-load", `${page}?_data=${encodeURIComponent(EDIT_ROUTE)}`, { headers: { Cookie: cookie } });
    if (got.res?.status !== 200) {
      await sleep(100);
      continue;
    }
    const supplier = (JSON.parse(got.body) as { supplier: SupplierLike & { version: number } }).supplier;
    if (!rec.firstVersion.has(id)) rec.firstVersion.set(id, supplier.version);
    const notes = `scale-proof edit ${tag}-${n} at ${new Date().toISOString()}`;
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...toFormValues(supplier), notes })) {
      if (Array.isArray(v)) v.forEach((g) => form.append(k, String(g)));
      else if (v !== undefined && v !== null) form.append(k, String(v));
    }
    const r = await rec.fetch("edit", page, {
      method: "POST",
      body: form.toString(),
      headers: { Cookie: cookie, Origin: t.base, "Content-Type": FORM },
    });
    const status = r.res?.status ?? 0;
    if (status === 302 || status === 303) rec.edits.push({ supplierId: id, notes, baseVersion: supplier.version, status });
    else if (status === 0) rec.unanswered.push({ what: `edit of supplier ${id}`, stamp: notes });
    else rec.countOther("edit", status);
    await sleep(150);
  }
}

/** An officer sending the draft questionnaires one by one: each invite queues a mail in the outbox. */
export async function inviteLoop(rec: Recorder, t: LoadTarget, cookie: string, drafts: number[], everyMs: number, stop: () => boolean) {
  for (const id of drafts) {
    if (stop()) return;
    const email = `invite-${id}@supplier.test`;
    const r = await rec.fetch("invite", `${t.base}/o/${t.slug}/assessments/${id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "invite", email, language: "en" }).toString(),
      headers: { Cookie: cookie, Origin: t.base, "Content-Type": FORM },
    });
    const status = r.res?.status ?? 0;
    if (status > 0 && status < 400) rec.invites.push({ assessmentId: id, email, status });
    else if (status === 0) rec.unanswered.push({ what: `invite of questionnaire ${id}`, stamp: email });
    else rec.countOther("invite", status);
    await sleep(everyMs);
  }
}

const QUESTIONS = [
  { key: "profile.workers", value: (n: number) => 1000 + n },
  { key: "profile.nationalities", value: (n: number) => `Scale proof, save ${n}` },
];

/**
 * A supplier answering through its invite link: opens the supplier session (the link's Start
 * button), then autosaves, each save based on the revision the previous one got back, as the portal does.
 */
export async function autosaveLoop(rec: Recorder, t: LoadTarget, p: { assessmentId: number; token: string }, stop: () => boolean) {
  let cookie: string | null = null;
  while (!cookie && !stop()) {
    try {
      cookie = await supplierCookie({ url: t.base } as CrashServer, p.token);
    } catch {
      await sleep(200); // the balancer or the server was not there: try again, as a person would
    }
  }
  const base: Record<string, number> = {};
  for (let n = 1; cookie && !stop(); n++) {
    const q = QUESTIONS[n % QUESTIONS.length]!;
    const value = q.value(n);
    const comment = `scale-proof ${p.assessmentId} ${q.key} save ${n}`;
    const r = await rec.fetch("autosave", `${t.base}/s/portal/answer`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: t.base, "Content-Type": FORM },
      body: new URLSearchParams({
        assessmentId: String(p.assessmentId),
        questionKey: q.key,
        value: JSON.stringify(value),
        comment,
        baseRevision: String(base[q.key] ?? 0),
      }).toString(),
    });
    const status = r.res?.status ?? 0;
    type Answer = { revision?: number; conflict?: { revision: number } } | null;
    let answer: Answer;
    try {
      answer = JSON.parse(r.body) as Answer;
    } catch {
      answer = null;
    }
    if (status === 200 && typeof answer?.revision === "number") {
      rec.saves.push({ assessmentId: p.assessmentId, key: q.key, revision: answer.revision, value, comment });
      base[q.key] = answer.revision;
    } else if (status === 0 || (status === 200 && !answer)) {
      rec.unanswered.push({ what: `save of ${p.assessmentId} ${q.key}`, stamp: comment });
    } else {
      rec.countOther("autosave", status);
      if (status === 409 && answer?.conflict) base[q.key] = answer.conflict.revision;
    }
    await sleep(100);
  }
}

// ---- Figures ----

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function latency(reqs: readonly Req[], kind: string): { n: number; p50: number; p95: number } {
  const ms = reqs
    .filter((r) => r.kind === kind && !failed(r))
    .map((r) => r.end - r.start)
    .sort((a, b) => a - b);
  return { n: ms.length, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

/** Requests answered without failing, per second, over [from, to]. */
export function throughput(reqs: readonly Req[], from: number, to: number): number {
  return reqs.filter((r) => r.end >= from && r.end <= to && !failed(r)).length / ((to - from) / 1000);
}
