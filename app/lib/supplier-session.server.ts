// The supplier's session cookie and who it identifies: one invite's assessment in one organization.
// Sessions are started by services/invites.server (openSupplierSession); the portal guard
// (lib/portal.server) reads them here.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import { findSupplierSession } from "~/models/invite.server";
import { hashToken } from "./crypto.server";
import { nowIso } from "./time";
import { asSystem } from "~db/scope";

export const SUPPLIER_COOKIE = "lantern_supplier";
export const SUPPLIER_SESSION_HOURS = 12;

export interface SupplierIdentity {
  sessionId: string;
  assessmentId: number;
  orgId: number;
  inviteId: number;
  email: string;
  language: string;
}

export async function getSupplierIdentity(db: Kysely<Database>, request: Request): Promise<SupplierIdentity | null> {
  const header = request.headers.get("Cookie") ?? "";
  const m = new RegExp(`(?:^|;\\s*)${SUPPLIER_COOKIE}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(header);
  if (!m?.[1]) return null;
  // Before the tenant is known: the session row names it (the portal guard then acts for that organisation).
  const s = await asSystem("portal: supplier session cookie", () => findSupplierSession(db, hashToken(m[1]!), nowIso()));
  return s
    ? { sessionId: s.id, assessmentId: s.assessmentId, orgId: s.orgId, inviteId: s.inviteId, email: s.email, language: s.language }
    : null;
}
