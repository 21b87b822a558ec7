// FROZEN: never edit a migration that has shipped; add a new one instead.
// Runs on SQLite and PostgreSQL; imports no application code.
//
// 1. Live links no longer sit in readable mail. Until now the outbox page showed every stored mail
//    body to an organization's admins, links included, and account mail (sign-up, password reset)
//    was printed to the server log of a local server. Every single-use token still found in a
//    stored mail body therefore counts as exposed:
//      - supplier questionnaire links (assessment_invites) are EXPIRED, not revoked: the invited
//        supplier can still ask for a new link from the old link's page, and that new link is
//        mailed to the invited address only; the exposed token itself never opens again;
//      - team invitations are revoked (an admin sends a new one);
//      - password-reset and sign-up confirmation links are used up (the owner asks again);
//    and the tokens are removed from the stored bodies.
// 2. review_comments.released_at: a review comment stays internal until a request for changes
//    releases it to the supplier. Comments written before an assessment's last request for changes
//    were already shown to the supplier, so they count as released at that moment.
// 3. pending_signups.team_invite_id: a team invitation accepted with a new account is confirmed by a
//    mail to the invited address first (the link may have been copied by someone else), through the
//    same pending sign-up as a new organization.
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";

// A link token: 32 random bytes in base64url, as a whole path segment of a URL.
const TOKEN_IN_URL = /(https?:\/\/[^\s]*?\/)([A-Za-z0-9_-]{43})(?=$|[\s/?#.,;:)\]>"'])/g;
const REMOVED = "[link removed]";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

interface MailRow {
  id: number;
  body_text: string;
}

/** Expires, revokes or uses up every live token found in a stored mail body, and removes it from the body. */
export async function revokeExposedTokens(db: Kysely<unknown>, now = new Date().toISOString()): Promise<{ mails: number; tokens: number }> {
  const rows = (await sql<MailRow>`select id, body_text from mail_outbox`.execute(db)).rows;
  const hashes = new Set<string>();
  let mails = 0;
  for (const m of rows) {
    let found = false;
    const redacted = m.body_text.replace(TOKEN_IN_URL, (_all, prefix: string, token: string) => {
      hashes.add(sha256(token));
      found = true;
      return `${prefix}${REMOVED}`;
    });
    if (!found) continue;
    mails++;
    await sql`update mail_outbox set body_text = ${redacted} where id = ${m.id}`.execute(db);
  }
  const list = [...hashes];
  // In chunks: both engines cap the number of bound parameters.
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const inList = sql.join(chunk.map((h) => sql`${h}`));
    await sql`update assessment_invites set expires_at = ${now}
      where token_hash in (${inList}) and revoked_at is null and expires_at > ${now}`.execute(db);
    await sql`update team_invites set revoked_at = ${now}
      where token_hash in (${inList}) and revoked_at is null and accepted_at is null`.execute(db);
    await sql`update password_resets set used_at = ${now} where token_hash in (${inList}) and used_at is null`.execute(db);
    await sql`update pending_signups set used_at = ${now} where token_hash in (${inList}) and used_at is null`.execute(db);
  }
  return { mails, tokens: list.length };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("review_comments").addColumn("released_at", "text").execute();
  await sql`update review_comments set released_at = (
      select a.changes_requested_at from assessments a where a.id = review_comments.assessment_id
    )
    where exists (
      select 1 from assessments a
      where a.id = review_comments.assessment_id
        and a.changes_requested_at is not null
        and review_comments.created_at <= a.changes_requested_at
    )`.execute(db);
  // No foreign key: SQLite cannot drop a column that has one (down), and the application checks the
  // invitation when the sign-up is confirmed.
  await db.schema.alterTable("pending_signups").addColumn("team_invite_id", "integer").execute();
  await revokeExposedTokens(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Revoked tokens stay revoked and removed links stay removed: there is nothing to restore.
  await db.schema.alterTable("pending_signups").dropColumn("team_invite_id").execute();
  await db.schema.alterTable("review_comments").dropColumn("released_at").execute();
}
