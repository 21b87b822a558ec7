// API keys (decision 0013): an admin creates one (the secret is returned once and only its SHA-256
// digest is kept) or revokes one; both are audited.
import type { Kysely } from "kysely";
import type { Database } from "~db/types";
import type { OrgIdentity } from "~/lib/auth.server";
import { newToken, hashToken } from "~/lib/crypto.server";
import { KEY_PREFIX, SHOWN_PREFIX_LENGTH, type ApiScope } from "~/domain/api/keys";
import { fail, ok, type Result } from "~/domain/result";
import { recordAudit } from "~/models/audit.server";
import { getApiKey, insertApiKey, listApiKeys, revokeApiKeyRow } from "~/models/api-key.server";
import type { ApiKeyCreateInput } from "~/schemas/api-keys";

type DB = Kysely<Database>;

export { listApiKeys };

/** The end of the chosen day (UTC) as the key's expiry; a day in the past is refused. */
function expiryOf(day: string | null, now: Date): Result<string | null> {
  if (day === null) return ok(null);
  const end = new Date(`${day}T23:59:59.999Z`);
  if (end.getTime() <= now.getTime()) return fail("invalid", "Choose a date from today on, or leave it empty", { field: "expiresOn" });
  return ok(end.toISOString());
}

export async function createApiKey(
  db: DB,
  id: OrgIdentity,
  input: ApiKeyCreateInput,
  ip: string,
  now = new Date(),
): Promise<Result<{ id: number; secret: string }>> {
  const expiry = expiryOf(input.expiresOn, now);
  if (!expiry.ok) return expiry;
  // 32 random bytes: a secret nobody can guess, so a fast digest (not a password hash) is enough to store it.
  const secret = `${KEY_PREFIX}${newToken()}`;
  const scopes: ApiScope[] = input.access === "write" ? ["read", "write"] : ["read"];
  const keyId = await db.transaction().execute(async (trx) => {
    const newId = await insertApiKey(trx, id.org.id, {
      name: input.name,
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      secretHash: hashToken(secret),
      scopes: scopes.join(","),
      expiresAt: expiry.value,
      createdBy: id.user.userId,
    });
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "api_key.created",
      entity: "api_key",
      entityId: newId,
      diff: { name: input.name, scopes, expiresAt: expiry.value },
      ip,
    });
    return newId;
  });
  return ok({ id: keyId, secret });
}

export async function revokeApiKey(db: DB, id: OrgIdentity, keyId: number, ip: string): Promise<Result<{ name: string }>> {
  return db.transaction().execute(async (trx) => {
    const key = await getApiKey(trx, id.org.id, keyId);
    if (!key) return fail("not_found", "No such key");
    if (!(await revokeApiKeyRow(trx, id.org.id, keyId))) return fail("conflict", "This key was already revoked");
    await recordAudit(trx, {
      orgId: id.org.id,
      actorUserId: id.user.userId,
      actorLabel: id.user.email,
      action: "api_key.revoked",
      entity: "api_key",
      entityId: keyId,
      diff: { name: key.name },
      ip,
    });
    return ok({ name: key.name });
  });
}
