// Corrective actions outside the officers' pages: what a supplier sees of its own actions in the
// portal, and the mails to owners of overdue actions (an hourly job).
import type { Kysely } from "kysely";
import type { ActionStatus, Database } from "~db/types";
import type { SupplierIdentity } from "~/lib/supplier-session.server";
import { env } from "~/lib/env.server";
import { kickMailDelivery } from "~/lib/mail.server";
import { nowIso } from "~/lib/time";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { orgNameById } from "~/models/portal.server";
import { getAssessment } from "~/models/assessment.server";
import { getAction, listForSupplier, orgById } from "~/models/action.server";
import { actionEvents, actionFiles } from "~/models/action-events.server";
import { markOverdueMailed, orgsWithOverdueActions, overdueActionsToMail } from "~/models/action-overdue.server";
import { STATUS_WORDS, SUPPLIER_VISIBLE } from "./actions.server";
import { endSentence } from "~/domain/sentence";

type DB = Kysely<Database>;

/** Days between two mails about the same overdue action. */
export const OVERDUE_REMAIL_DAYS = 7;

// ---------------------------------------------------------------------------------------------
// The supplier portal

export interface PortalAction {
  id: number;
  version: number;
  source: string;
  title: string;
  details: string | null;
  indicator: string | null;
  questionKey: string | null;
  status: ActionStatus;
  dueAt: string;
  overdue: boolean;
  timeline: Array<{
    id: number;
    kind: "created" | "status" | "supplier_reply";
    by: string;
    body: string | null;
    statusTo: string | null;
    at: string;
    files: string[];
  }>;
}

/**
 * The open, in-progress and done actions of the supplier of this portal session (never another
 * supplier's), with what the supplier may see of their timeline: the opening, status changes and its
 * own replies (officers' notes are internal), and the names of the files it sent.
 */
export async function supplierActionsView(
  db: DB,
  s: SupplierIdentity,
  now = new Date(),
): Promise<{ supplierName: string; orgName: string; actions: PortalAction[] } | null> {
  const a = await getAssessment(db, s.orgId, s.assessmentId);
  if (!a) return null;
  const orgName = (await orgNameById(db, s.orgId)) ?? "";
  const rows = (await listForSupplier(db, s.orgId, a.supplierId, now, { supplierView: true })).filter((r) =>
    SUPPLIER_VISIBLE.includes(r.status),
  );
  const actions: PortalAction[] = [];
  for (const r of rows) {
    const full = (await getAction(db, s.orgId, r.id, now))!;
    const [events, files] = await Promise.all([actionEvents(db, s.orgId, r.id), actionFiles(db, s.orgId, r.id)]);
    const shown = events.filter((e) => e.kind !== "note");
    actions.push({
      id: r.id,
      version: full.version,
      source: r.source,
      title: r.title,
      details: full.details,
      indicator: r.indicator,
      questionKey: r.questionKey,
      status: r.status,
      dueAt: r.dueAt.slice(0, 10),
      overdue: r.overdue,
      timeline: shown.map((e) => ({
        id: e.id,
        kind: e.kind as "created" | "status" | "supplier_reply",
        // Staff addresses stay inside the tenant: the supplier sees the organization's name.
        by: e.kind === "supplier_reply" && e.authorLabel.startsWith("supplier ") ? e.authorLabel.slice("supplier ".length) : orgName,
        // Officers' words on a status change are internal too; the supplier's own replies are its own.
        body: e.kind === "supplier_reply" ? e.body : null,
        statusTo: e.statusTo,
        at: e.createdAt,
        files: e.kind === "supplier_reply" ? files.filter((f) => f.eventId === e.id).map((f) => f.filename) : [],
      })),
    });
  }
  return { supplierName: a.supplierName, orgName, actions };
}

// ---------------------------------------------------------------------------------------------
// Overdue mail

/** "Supplier: Dhaka Mill. Due 2026-12-31, open." */
function overdueLine(i: { supplierName: string; dueAt: string; status: ActionStatus }): string {
  return `Supplier: ${endSentence(i.supplierName)} Due ${i.dueAt.slice(0, 10)}, ${STATUS_WORDS[i.status]}.`;
}

function overdueMail(
  o: { orgName: string; slug: string; ownerName: string; ownerId: number },
  items: Array<{ id: number; title: string; supplierName: string; dueAt: string; status: ActionStatus }>,
) {
  const base = `${env().appUrl}/o/${o.slug}/actions`;
  const n = items.length;
  return {
    subject: `${o.orgName}: ${n === 1 ? "a corrective action is" : `${n} corrective actions are`} overdue`,
    text:
      `Hello ${o.ownerName},\n\n` +
      `${n === 1 ? "This corrective action you own is" : "These corrective actions you own are"} past the due date:\n\n` +
      items.map((i) => `- ${i.title}\n  ${overdueLine(i)}\n  ${base}/${i.id}\n`).join("\n") +
      `\nAll your overdue actions: ${base}?overdue=1&owner=${o.ownerId}\n\n` +
      `You get this reminder when an action becomes overdue, and again every ${OVERDUE_REMAIL_DAYS} days until it is done.\n`,
  };
}

/**
 * Mails each owner about their actions past due and not done or verified: once when an action becomes
 * overdue, again every OVERDUE_REMAIL_DAYS days. One mail per owner and organization per run. Returns
 * the number of mails queued. For the server's scheduled jobs.
 */
export async function mailOverdueActions(db: DB, now = new Date()): Promise<number> {
  const mailedBefore = nowIso(new Date(now.getTime() - OVERDUE_REMAIL_DAYS * 24 * 3600_000));
  let mails = 0;
  for (const orgId of await orgsWithOverdueActions(db, now)) {
    mails += await db.transaction().execute(async (trx) => {
      const org = await orgById(trx, orgId);
      if (!org) return 0;
      const due = await overdueActionsToMail(trx, orgId, now, mailedBefore);
      const byOwner = new Map<number, typeof due>();
      for (const r of due) byOwner.set(r.ownerId, [...(byOwner.get(r.ownerId) ?? []), r]);
      for (const [ownerId, items] of byOwner) {
        await enqueueMail(trx, {
          orgId,
          kind: "action-overdue",
          to: items[0]!.ownerEmail,
          ...overdueMail({ orgName: org.name, slug: org.slug, ownerName: items[0]!.ownerName, ownerId }, items),
        });
        await recordAudit(trx, {
          orgId,
          actorUserId: null,
          actorLabel: "overdue job",
          action: "action.overdue_mailed",
          entity: "corrective_action",
          entityId: null,
          diff: { to: items[0]!.ownerEmail, actions: items.map((i) => i.id) },
        });
      }
      await markOverdueMailed(
        trx,
        orgId,
        due.map((r) => r.id),
        nowIso(now),
      );
      return byOwner.size;
    });
  }
  if (mails) kickMailDelivery(db);
  return mails;
}
