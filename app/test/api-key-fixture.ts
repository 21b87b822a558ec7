// A tenant's API key for the route sweeps: its name carries the tenant's marker.
import type { Db } from "~db/client";
import type { OrgIdentity } from "~/lib/auth.server";
import { createApiKey } from "~/services/api-keys.server";

export interface ApiKeyFixture {
  apiKeyId: number; // an active read-and-write key
  apiKeySecret: string;
}

export async function apiKeyFixture(db: Db, ident: OrgIdentity, marker: string): Promise<ApiKeyFixture> {
  const r = await createApiKey(
    db.db,
    ident,
    { intent: "create", name: `${marker} ERP sync`, access: "write", expiresOn: null },
    "192.0.2.1",
  );
  if (!r.ok) throw new Error(r.message);
  return { apiKeyId: r.value.id, apiKeySecret: r.value.secret };
}
