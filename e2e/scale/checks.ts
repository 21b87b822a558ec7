// The proof's checks, read straight from the database (never through the app) after the load: every
// write a server confirmed is there, once; every background job finished, once; every mail arrived,
// once. Each check is PASS or FAIL with the numbers behind it.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { ConfirmedEdit, ConfirmedSave, Recorder } from "./load";
import type { SunkMail } from "./smtp-sink";
import type { Watcher } from "./watch";
import { decodeWords } from "./smtp-sink";
import { importCommitEntries } from "../support/crash-db";

export interface Check {
  name: string;
  pass: boolean;
  lines: string[];
}

type DB = Kysely<Database>;

/** Every confirmed autosave is the revision it was confirmed as, with its value; no save is stored twice. */
export async function checkSaves(db: DB, saves: readonly ConfirmedSave[], rec: Recorder): Promise<Check> {
  const ids = [...new Set(saves.map((s) => s.assessmentId))];
  const rows = ids.length
    ? await db
        .selectFrom("answer_revisions")
        .select(["assessment_id", "question_key", "revision", "value", "comment"])
        .where("assessment_id", "in", ids)
        .execute()
    : [];
  const byRev = new Map(rows.map((r) => [`${r.assessment_id} ${r.question_key} ${r.revision}`, r]));
  const copies = new Map<string, number>();
  for (const r of rows) if (r.comment) copies.set(r.comment, (copies.get(r.comment) ?? 0) + 1);
  const missing = saves.filter((s) => {
    const r = byRev.get(`${s.assessmentId} ${s.key} ${s.revision}`);
    return !r || r.comment !== s.comment || r.value !== JSON.stringify(s.value);
  });
  const twice = [...copies].filter(([, n]) => n > 1);
  const unansweredLanded = rec.unanswered.filter((u) => u.what.startsWith("save") && copies.has(u.stamp)).length;
  const unanswered = rec.unanswered.filter((u) => u.what.startsWith("save")).length;
  return {
    name: "autosaves: every confirmed save stored, none twice",
    pass: saves.length > 0 && missing.length === 0 && twice.length === 0,
    lines: [
      `${saves.length} confirmed saves on ${ids.length} questionnaires; ${missing.length} missing or different; ` +
        `${twice.length} stored twice`,
      `${unanswered} saves got no answer (in flight at the kill); ${unansweredLanded} of them landed (allowed: once or not at all)`,
      ...missing.slice(0, 5).map((s) => `  missing: ${s.assessmentId} ${s.key} revision ${s.revision}`),
      ...twice.slice(0, 5).map(([c, n]) => `  twice: "${c}" ×${n}`),
    ],
  };
}

/**
 * Every confirmed supplier edit is in the audit trail exactly once (its note as the new value) and the
 * supplier's version moved once per edit that landed; the last confirmed note is the stored one unless
 * an unanswered edit came after it.
 */
export async function checkEdits(db: DB, orgId: number, edits: readonly ConfirmedEdit[], rec: Recorder): Promise<Check> {
  const ids = [...new Set(edits.map((e) => e.supplierId))];
  if (ids.length === 0) return { name: "supplier edits", pass: false, lines: ["no edit was confirmed"] };
  const audit = await db
    .selectFrom("audit_log")
    .select(["entity_id", "diff"])
    .where("org_id", "=", orgId)
    .where("action", "=", "supplier.updated")
    .where("entity_id", "in", ids.map(String))
    .execute();
  const landed = new Map<string, number>();
  for (const a of audit) {
    const to = (JSON.parse(a.diff ?? "{}") as { notes?: [unknown, unknown] }).notes?.[1];
    if (typeof to === "string") landed.set(to, (landed.get(to) ?? 0) + 1);
  }
  const suppliers = await db.selectFrom("suppliers").select(["id", "version", "notes"]).where("id", "in", ids).execute();
  const missing = edits.filter((e) => landed.get(e.notes) !== 1);
  const unanswered = rec.unanswered.filter((u) => u.what.startsWith("edit"));
  const unansweredLanded = unanswered.filter((u) => landed.has(u.stamp)).length;
  const versionProblems: string[] = [];
  for (const s of suppliers) {
    const mine = edits.filter((e) => e.supplierId === s.id);
    const expected = (rec.firstVersion.get(s.id) ?? 0) + mine.length;
    const extra = unanswered.filter((u) => u.what === `edit of supplier ${s.id}` && landed.has(u.stamp)).length;
    if (s.version !== expected + extra) versionProblems.push(`supplier ${s.id}: version ${s.version}, expected ${expected + extra}`);
    const lastConfirmed = mine[mine.length - 1]!;
    const lastLanded = [...unanswered].reverse().find((u) => u.what === `edit of supplier ${s.id}` && landed.has(u.stamp));
    if (s.notes !== lastConfirmed.notes && s.notes !== lastLanded?.stamp)
      versionProblems.push(`supplier ${s.id}: stored note is not the last confirmed one`);
  }
  return {
    name: "supplier edits: every confirmed edit stored once, versions consistent",
    pass: missing.length === 0 && versionProblems.length === 0,
    lines: [
      `${edits.length} confirmed edits of ${ids.length} suppliers; ${missing.length} missing or twice in the audit trail`,
      `${unanswered.length} edits got no answer; ${unansweredLanded} of them landed; ${versionProblems.length} version/note problems`,
      ...missing.slice(0, 5).map((e) => `  ${e.supplierId}: "${e.notes}" recorded ${landed.get(e.notes) ?? 0} times`),
      ...versionProblems.slice(0, 5).map((p) => `  ${p}`),
    ],
  };
}

/** The import: committed once (one audit entry), its rows there once each (counted by reference). */
export async function checkImport(db: DB, orgId: number, importId: number, prefix: string, rows: number): Promise<Check> {
  const imp = await db.selectFrom("supplier_imports").select(["status", "claimed_by"]).where("id", "=", importId).executeTakeFirstOrThrow();
  const refs = await db
    .selectFrom("suppliers")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("external_ref").distinct().as("distinct")])
    .where("org_id", "=", orgId)
    .where("external_ref", "like", `${prefix}%`)
    .executeTakeFirstOrThrow();
  const commits = { n: await importCommitEntries(db, orgId, importId) };
  const n = Number(refs.n);
  return {
    name: "CSV import: committed exactly once with every row",
    pass: imp.status === "committed" && Number(commits.n) === 1 && n === rows && Number(refs.distinct) === rows,
    lines: [
      `import ${importId}: ${imp.status}; ${Number(commits.n)} commit audit entries; ${n} suppliers with its references ` +
        `(${Number(refs.distinct)} distinct), ${rows} in the file`,
    ],
  };
}

/** Risk jobs all done (none queued, running or failed); who finished them. */
export async function checkRiskJobs(db: DB, since: string): Promise<Check> {
  const jobs = await db.selectFrom("risk_jobs").select(["id", "kind", "status", "claimed_by", "trigger", "created_at", "error"]).execute();
  const notDone = jobs.filter((j) => j.status !== "done");
  const recent = jobs.filter((j) => j.created_at >= since);
  const by = (kind: string) =>
    recent
      .filter((j) => j.kind === kind)
      .map((j) => `#${j.id} ${j.trigger} ${j.status} by ${j.claimed_by ?? "?"}`)
      .join("; ");
  return {
    name: "risk jobs: every job done (none queued, running or failed)",
    pass: notDone.length === 0 && recent.some((j) => j.kind === "recompute") && recent.some((j) => j.kind === "preview"),
    lines: [
      `${jobs.length} jobs in all, ${recent.length} queued during the run; not done: ${notDone.length}`,
      `recompute: ${by("recompute") || "none"}`,
      `preview: ${by("preview") || "none"}`,
      ...notDone.slice(0, 5).map((j) => `  #${j.id} ${j.kind} ${j.status} ${j.error ?? ""}`),
    ],
  };
}

/** Each periodic kind ran, never twice within its period (across all servers). */
export function checkLeases(w: Watcher, periods: Record<string, number>, runStart: number): Check {
  const lines: string[] = [];
  let pass = true;
  for (const [name, everyMs] of Object.entries(periods)) {
    const runs = w.leaseRuns.filter((r) => r.name === name);
    const gaps = runs.slice(1).map((r, i) => Date.parse(r.lastRunAt) - Date.parse(runs[i]!.lastRunAt));
    const tooSoon = gaps.filter((g) => g < everyMs * 0.95).length;
    const holders = [...new Set(runs.map((r) => r.holder))].join(", ");
    const duringRun = runs.filter((r) => r.at >= runStart).length;
    if (runs.length === 0 || tooSoon > 0) pass = false;
    if (everyMs <= 60_000 && duringRun === 0) pass = false;
    lines.push(
      `${name.padEnd(15)} every ${everyMs / 1000} s: ${runs.length} runs seen (${duringRun} after the load began), ` +
        `by ${holders || "nobody"}; ${tooSoon} closer than the period`,
    );
  }
  return { name: "periodic jobs: each kind ran, at most once per period across the cluster", pass, lines };
}

/**
 * Every sent outbox mail reached the sink, none twice: a mail is known by recipient and subject; the
 * copies of one outbox mail must share one Message-ID (the same message, resent), never two.
 */
export async function checkMail(db: DB, sunk: readonly SunkMail[], invites: readonly string[]): Promise<Check> {
  const outbox = await db.selectFrom("mail_outbox").select(["id", "to_address", "subject", "sent_at", "last_error"]).execute();
  // Each questionnaire sent over HTTP (and confirmed) queued exactly one mail.
  const inviteMails = invites.filter((to) => outbox.filter((m) => m.to_address === to).length !== 1);
  const key = (to: string, subject: string) => `${to.toLowerCase()}\n${decodeWords(subject)}`;
  const expected = new Map<string, number>();
  for (const m of outbox) expected.set(key(m.to_address, m.subject), (expected.get(key(m.to_address, m.subject)) ?? 0) + 1);
  const ids = new Map<string, Set<string>>();
  for (const m of sunk) ids.set(key(m.to, m.subject), (ids.get(key(m.to, m.subject)) ?? new Set()).add(m.messageId));
  const unsent = outbox.filter((m) => !m.sent_at);
  let missing = 0;
  let extra = 0;
  const problems: string[] = [];
  for (const [k, n] of expected) {
    const got = ids.get(k)?.size ?? 0;
    if (got < n) missing += n - got;
    if (got > n) {
      extra += got - n;
      problems.push(`  ${k.replace("\n", " / ")}: ${n} in the outbox, ${got} distinct Message-IDs received`);
    }
  }
  const strays = [...ids.keys()].filter((k) => !expected.has(k)).length;
  // Copies of one message: how far apart they arrived tells a resend after a crash from two deliveries racing.
  const arrivals = new Map<string, number[]>();
  for (const m of sunk) arrivals.set(m.messageId, [...(arrivals.get(m.messageId) ?? []), m.at]);
  const copied = [...arrivals].filter(([, at]) => at.length > 1);
  const gaps = copied.map(([, at]) => Math.max(...at) - Math.min(...at)).sort((a, b) => a - b);
  const foldedCopies = sunk.length - [...ids.values()].reduce((a, s) => a + s.size, 0);
  return {
    name: "mail: every outbox mail delivered to the sink, none twice (folded by Message-ID)",
    pass: outbox.length > 0 && unsent.length === 0 && missing === 0 && extra === 0 && strays === 0 && inviteMails.length === 0,
    lines: [
      `${invites.length} questionnaires sent over HTTP during the load; ${inviteMails.length} of them without exactly one outbox mail`,
      `${outbox.length} mails in the outbox (${unsent.length} not marked sent); ${sunk.length} messages received, ` +
        `${sunk.length - foldedCopies} distinct Message-IDs (${foldedCopies} same-ID copies folded)`,
      `${missing} outbox mails never arrived; ${extra} sent twice under different Message-IDs; ` +
        `${strays} received that match no outbox mail`,
      ...(copied.length
        ? [
            `${copied.length} messages arrived more than once (at-least-once delivery), ` +
              `the copies ${gaps[0]} … ${gaps[gaps.length - 1]} ms apart: ${copied
                .slice(0, 4)
                .map(([id, at]) => `${id} at ${new Date(Math.min(...at)).toISOString().slice(11, 23)}`)
                .join(", ")}${copied.length > 4 ? ", …" : ""}`,
          ]
        : []),
      ...problems.slice(0, 5),
      ...unsent.slice(0, 3).map((m) => `  not sent: #${m.id} ${m.last_error ?? ""}`),
    ],
  };
}
