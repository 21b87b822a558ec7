// A copy of a demo tenant under another slug: the same suppliers, questionnaires and risk scores, its
// own users (<login>@<slug>.test, password `lantern-demo`). The e2e tests give every Playwright
// worker its own copies, so a spec that adds suppliers never changes what another spec counts.
import type { Kysely } from "kysely";
import { hashPassword } from "~/lib/password.server";
import { recompute } from "~/services/risk.server";
import type { Database } from "../types";
import { DAY, DEMO_ORGS, DEMO_PASSWORD, insertDemoOrg } from "./demo";
import { seedDemoAssessmentsOf } from "./demo-assessments";

export type DemoTemplate = "acme" | "borealis";

export interface DemoCopy {
  orgId: number;
  slug: string;
  name: string;
}

/** Creates tenant `slug` as a copy of demo tenant `template` (the slug must be new). */
export async function seedDemoCopy(db: Kysely<Database>, template: DemoTemplate, slug: string): Promise<DemoCopy> {
  const org = DEMO_ORGS.find((o) => o.slug === template);
  if (!org) throw new Error(`No demo tenant ${template}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  const orgCreated = new Date(now - 365 * DAY).toISOString();
  const orgId = await db.transaction().execute((trx) => insertDemoOrg(trx, { ...org, slug }, { passwordHash, orgCreated, now }));
  await seedDemoAssessmentsOf(db, template, slug);
  await recompute(db, orgId, "all", { trigger: "seed" });
  return { orgId, slug, name: org.name };
}
