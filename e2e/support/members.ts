// Teammates beyond the demo tenant's three users (the review specs need three reviewers), added by the
// app's own code as the demo seed adds its users (db/seed/demo.ts): a user row and a membership,
// password `lantern-demo`. The spec then signs them in with loginAs like any other user.
import type { Role } from "~/domain/permissions";
import { hashPassword } from "~/lib/password.server";
import { addMember } from "~/models/org.server";
import { findUserByEmail, insertUser } from "~/models/user.server";
import { DEMO_PASSWORD } from "~db/seed/demo";
import { appDb } from "./app-db";
import type { Tenant } from "./tenants";

/** Adds <login>@<slug>.test with this name and role to the tenant (again on a retry: the same user); returns the address. */
export async function addTeammate(tenant: Tenant, login: string, name: string, role: Role): Promise<string> {
  const email = `${login}@${tenant.slug}.test`;
  if (await findUserByEmail(appDb(), email)) return email;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await appDb()
    .transaction()
    .execute(async (trx) => {
      const userId = await insertUser(trx, { email, name, passwordHash });
      await addMember(trx, tenant.orgId, userId, role);
    });
  return email;
}
