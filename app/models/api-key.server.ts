// API keys and the stored answers of idempotent POSTs (decision 0013). Every function but the lookup
// by digest is scoped by orgId; the lookup comes before the organisation is known (the caller runs
// it as the named crossing path "api key lookup").
import type { DbOrTrx } from "./types";
import { nowIso } from "~/lib/time";

export interface ApiKeyRow {
  id: number;
  orgId: number;
  name: string;
  prefix: string;
  scopes: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  createdBy: number | null;
}

const COLUMNS = [
  "id",
  "org_id",
  "name",
  "prefix",
  "scopes",
  "expires_at",
  "revoked_at",
  "last_used_at",
  "created_at",
  "created_by",
] as const;

type Row = {
  id: number;
  org_id: number;
  name: string;
  prefix: string;
  scopes: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
  created_by: number | null;
};

function toKey(r: Row): ApiKeyRow {
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export async function insertApiKey(
  db: DbOrTrx,
  orgId: number,
  k: { name: string; prefix: string; secretHash: string; scopes: string; expiresAt: string | null; createdBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto("api_keys")
    .values({
      org_id: orgId,
      name: k.name,
      prefix: k.prefix,
      secret_hash: k.secretHash,
      scopes: k.scopes,
      expires_at: k.expiresAt,
      created_by: k.createdBy,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiKeys(db: DbOrTrx, orgId: number): Promise<ApiKeyRow[]> {
  const rows = await db.selectFrom("api_keys").select(COLUMNS).where("org_id", "=", orgId).orderBy("id", "desc").execute();
  return rows.map(toKey);
}

export async function getApiKey(db: DbOrTrx, orgId: number, id: number): Promise<ApiKeyRow | undefined> {
  const r = await db.selectFrom("api_keys").select(COLUMNS).where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  return r ? toKey(r) : undefined;
}

/**
 * The key whose secret has this digest, with its organisation, in any organisation (the caller is the
 * "api key lookup" crossing path). One statement: it runs before every API call.
 */
export async function findApiKeyByHash(
  db: DbOrTrx,
  secretHash: string,
): Promise<(ApiKeyRow & { org: { id: number; slug: string; name: string } }) | undefined> {
  const r = await db
    .selectFrom("api_keys as k")
    .innerJoin("organizations as o", "o.id", "k.org_id")
    .select(COLUMNS.map((c) => `k.${c}` as const))
    .select(["o.slug as org_slug", "o.name as org_name"])
    .where("k.secret_hash", "=", secretHash)
    .executeTakeFirst();
  return r ? { ...toKey(r), org: { id: r.org_id, slug: r.org_slug, name: r.org_name } } : undefined;
}

export async function revokeApiKeyRow(db: DbOrTrx, orgId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("api_keys")
    .set({ revoked_at: nowIso() })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchApiKey(db: DbOrTrx, orgId: number, id: number, at: string): Promise<void> {
  await db.updateTable("api_keys").set({ last_used_at: at }).where("org_id", "=", orgId).where("id", "=", id).execute();
}

export interface StoredAnswer {
  requestHash: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export async function findIdempotent(db: DbOrTrx, orgId: number, keyId: number, idemKey: string, since: string) {
  const r = await db
    .selectFrom("api_idempotency")
    .select(["request_hash", "status", "headers", "body"])
    .where("org_id", "=", orgId)
    .where("key_id", "=", keyId)
    .where("idem_key", "=", idemKey)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  if (!r) return undefined;
  return { requestHash: r.request_hash, status: r.status, headers: JSON.parse(r.headers) as Record<string, string>, body: r.body };
}

/** Stores an answer; an older one under the same key (past its 24 hours) is replaced. */
export async function storeIdempotent(db: DbOrTrx, orgId: number, keyId: number, idemKey: string, a: StoredAnswer): Promise<void> {
  await db.deleteFrom("api_idempotency").where("org_id", "=", orgId).where("key_id", "=", keyId).where("idem_key", "=", idemKey).execute();
  await db
    .insertInto("api_idempotency")
    .values({
      org_id: orgId,
      key_id: keyId,
      idem_key: idemKey,
      request_hash: a.requestHash,
      status: a.status,
      headers: JSON.stringify(a.headers),
      body: a.body,
      created_at: nowIso(),
    })
    .execute();
}
