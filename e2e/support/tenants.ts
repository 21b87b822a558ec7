// Every Playwright worker works in tenants of its own, copies of the demo tenants made by the app's
// seeding code (db/seed/demo-copy.ts), so a spec that adds or changes data never changes what
// another spec, running at the same time or later, sees; and any spec passes alone.
import { seedDemoCopy, type DemoTemplate } from "~db/seed/demo-copy";
import { appDb } from "./app-db";

export interface Tenant {
  orgId: number;
  /** Unique, e.g. acme-w3-lq2x9k0. */
  slug: string;
  /** As the demo tenant's: "Acme Apparel", "Borealis Electronics". */
  name: string;
  /** Its users, one per role (password `lantern-demo`). */
  admin: string;
  compliance: string;
  exec: string;
  /** The tenant's page under /o/<slug>, e.g. path("/suppliers/new"). */
  path: (sub?: string) => string;
}

let copies = 0;

/** A fresh copy of demo tenant `template` for one worker. */
export async function demoTenant(template: DemoTemplate, workerIndex: number): Promise<Tenant> {
  const slug = `${template}-w${workerIndex}-${Date.now().toString(36)}${(copies++).toString(36)}`;
  const copy = await seedDemoCopy(appDb(), template, slug);
  return {
    orgId: copy.orgId,
    slug,
    name: copy.name,
    admin: `admin@${slug}.test`,
    compliance: `compliance@${slug}.test`,
    exec: `exec@${slug}.test`,
    path: (sub = "") => `/o/${slug}${sub}`,
  };
}
