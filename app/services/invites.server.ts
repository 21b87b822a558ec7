// Supplier invite links (docs/architecture.md, "The supplier portal and its tokens"): 32 random bytes, only the hash stored,
// 30-day expiry, revocable; resending issues a new token and kills the old one. Opening the link
// (GET) changes nothing; a POST from its page starts a supplier session scoped to one assessment.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { fail, ok, type Result } from "~/domain/result";
import { hashToken, newToken } from "~/lib/crypto.server";
import { addMinutes, nowIso } from "~/lib/time";
import { env } from "~/lib/env.server";
import { kickMailDelivery, smtpConfigured } from "~/lib/mail.server";
import { SUPPLIER_COOKIE, SUPPLIER_SESSION_HOURS } from "~/lib/supplier-session.server";
import { recordAudit } from "~/models/audit.server";
import { enqueueMail } from "~/models/outbox.server";
import { getAssessment, setAssessmentStatus } from "~/models/assessment.server";
import {
  findInviteByTokenHash,
  insertAssessmentInvite,
  insertSupplierSession,
  newestInviteId,
  revokeAssessmentInvites,
  revokeInviteIfUnrevoked,
  touchInvite,
} from "~/models/invite.server";
import { supplierInviteMail } from "./mail-templates";
import { systemPath } from "~db/scope";

type DB = Kysely<Database>;
export const INVITE_VALID_DAYS = 30;

/**
 * Sends (or re-sends) the questionnaire link to the supplier; any earlier link stops working.
 * Without SMTP the mail cannot go out, so the link is returned (copyLink) for the officer to pass
 * on: shown once, in the answer to this request, and nowhere else (never in the outbox).
 */
export async function sendAssessmentInvite(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  input: { email: string; language: string },
  ip: string,
): Promise<Result<{ inviteId: number; copyLink: string | null }>> {
  const token = newToken();
  const link = `${env().appUrl}/s/${token}`;
  const now = new Date();
  const result = await db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return fail("not_found", "No such assessment");
    if (a.status === "approved") return fail("conflict", "This assessment is approved; start a new one to ask again.");
    const expiresAt = nowIso(addMinutes(now, INVITE_VALID_DAYS * 24 * 60));
    const revoked = await revokeAssessmentInvites(trx, id.org.id, assessmentId, nowIso(now));
    const inviteId = await insertAssessmentInvite(trx, id.org.id, {
      assessmentId,
      email: input.email,
      tokenHash: hashToken(token),
      language: input.language,
      createdBy: id.user.userId,
      expiresAt,
    });
    await setAssessmentStatus(trx, id.org.id, assessmentId, ["draft"], "sent", { sent_at: nowIso(now) });
    await enqueueMail(trx, {
      orgId: id.org.id,
      kind: "supplier-invite",
      to: input.email,
      ...supplierInviteMail({ orgName: id.org.name, supplierName: a.supplierName, link, dueAt: a.dueAt, expiresAt }),
    });
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: revoked ? "assessment.invite_resent" : "assessment.invite_sent",
      entity: "assessment",
      entityId: assessmentId,
      diff: { email: input.email, language: input.language, previousLinksRevoked: revoked },
      ip,
    });
    return ok(inviteId);
  });
  kickMailDelivery(db);
  return result.ok ? ok({ inviteId: result.value, copyLink: smtpConfigured() ? null : link }) : result;
}

export async function revokeAssessmentLinks(
  db: DB,
  id: OrgIdentity,
  assessmentId: number,
  ip: string,
): Promise<Result<{ revoked: number }>> {
  return db.transaction().execute(async (trx) => {
    const a = await getAssessment(trx, id.org.id, assessmentId);
    if (!a) return fail("not_found", "No such assessment");
    const revoked = await revokeAssessmentInvites(trx, id.org.id, assessmentId, nowIso());
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "assessment.invite_revoked",
      entity: "assessment",
      entityId: assessmentId,
      diff: { revoked },
      ip,
    });
    return ok({ revoked });
  });
}

export type LinkState =
  | { state: "invalid" }
  | { state: "expired" | "revoked"; inviteId: number; orgName: string; language: string }
  | {
      state: "open";
      inviteId: number;
      orgName: string;
      supplierName: string;
      dueAt: string | null;
      language: string;
      assessmentStatus: string;
    };

/** What the landing page of a link shows; reading it changes nothing (mail scanners open links). */
async function describeLinkAsSystem(db: DB, token: string, now = new Date()): Promise<LinkState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: "invalid" };
  const i = await findInviteByTokenHash(db, hashToken(token));
  if (!i) return { state: "invalid" };
  if (i.revokedAt || i.supersededAt) return { state: "revoked", inviteId: i.id, orgName: i.orgName, language: i.language };
  if (i.expiresAt <= nowIso(now)) return { state: "expired", inviteId: i.id, orgName: i.orgName, language: i.language };
  return {
    state: "open",
    inviteId: i.id,
    orgName: i.orgName,
    supplierName: i.supplierName,
    dueAt: i.dueAt,
    language: i.language,
    assessmentStatus: i.status,
  };
}
export const describeLink = systemPath("portal: supplier link look-up by token (before a tenant is known)", describeLinkAsSystem);

/** POST from the link's page: a supplier session for this one assessment; returns its Set-Cookie. */
async function openSupplierSessionAsSystem(
  db: DB,
  token: string,
): Promise<{ cookie: string } | { state: "invalid" | "expired" | "revoked" }> {
  const link = await describeLink(db, token);
  if (link.state !== "open") return { state: link.state };
  const i = (await findInviteByTokenHash(db, hashToken(token)))!;
  const sessionToken = newToken();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await insertSupplierSession(trx, i.orgId, {
      id: hashToken(sessionToken),
      inviteId: i.id,
      assessmentId: i.assessmentId,
      expiresAt: nowIso(addMinutes(now, SUPPLIER_SESSION_HOURS * 60)),
    });
    await touchInvite(trx, i.orgId, i.id, nowIso(now));
    await setAssessmentStatus(trx, i.orgId, i.assessmentId, ["draft", "sent"], "in_progress", { started_at: nowIso(now) });
  });
  const attrs = ["Path=/s", "HttpOnly", "SameSite=Lax", `Max-Age=${SUPPLIER_SESSION_HOURS * 3600}`];
  if (env().cookieSecure) attrs.push("Secure");
  return { cookie: `${SUPPLIER_COOKIE}=${sessionToken}; ${attrs.join("; ")}` };
}
export const openSupplierSession = systemPath("portal: supplier link opens a session", openSupplierSessionAsSystem);

/**
 * "Send me a new link" from an EXPIRED link's page: a new link goes to the invited address only
 * (never to an address typed on the page), and the expired one is revoked, so it can ask only once
 * and never opens again. A revoked link (withdrawn by an officer, replaced by a resend or by a
 * reminder's fresh link) produces nothing: someone decided it must stop working, and a link that
 * leaked must not be able to bring the questionnaire back to life.
 */
async function requestNewLinkAsSystem(db: DB, token: string, now = new Date()): Promise<{ sent: boolean }> {
  const i = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findInviteByTokenHash(db, hashToken(token)) : undefined;
  if (!i || i.status === "approved") return { sent: false };
  if (i.revokedAt || i.supersededAt || i.expiresAt > nowIso(now)) return { sent: false };
  // Only the assessment's newest link may ask: a link replaced by a resend to another (corrected)
  // address must not take the questionnaire back from it.
  if ((await newestInviteId(db, i.orgId, i.assessmentId)) !== i.id) return { sent: false };
  const fresh = newToken();
  const expiresAt = nowIso(addMinutes(now, INVITE_VALID_DAYS * 24 * 60));
  const sent = await db.transaction().execute(async (trx) => {
    // Claim the expired link first: of two requests racing on it, only one mails a new link.
    if (!(await revokeInviteIfUnrevoked(trx, i.orgId, i.id, nowIso(now)))) return false;
    await revokeAssessmentInvites(trx, i.orgId, i.assessmentId, nowIso(now));
    await insertAssessmentInvite(trx, i.orgId, {
      assessmentId: i.assessmentId,
      email: i.email,
      tokenHash: hashToken(fresh),
      language: i.language,
      createdBy: null,
      expiresAt,
    });
    await enqueueMail(trx, {
      orgId: i.orgId,
      kind: "supplier-invite",
      to: i.email,
      ...supplierInviteMail({
        orgName: i.orgName,
        supplierName: i.supplierName,
        link: `${env().appUrl}/s/${fresh}`,
        dueAt: i.dueAt,
        expiresAt,
      }),
    });
    await recordAudit(trx, {
      orgId: i.orgId,
      actorUserId: null,
      actorLabel: `supplier ${i.email}`,
      action: "assessment.new_link_requested",
      entity: "assessment",
      entityId: i.assessmentId,
    });
    return true;
  });
  if (sent) kickMailDelivery(db);
  return { sent };
}
export const requestNewLink = systemPath("portal: an expired supplier link asks for a new one", requestNewLinkAsSystem);
