// The Acme demo tenant's organisation profile (a fictional UK apparel retailer), so the profile page
// and the statements drawn from it have something to show on a fresh install. Invented facts.
import type { Kysely } from "kysely";
import type { OrgProfile } from "~/domain/org-profile";
import { saveOrgProfile } from "~/models/org-profile.server";
import type { Database } from "../types";
import { ACME } from "./demo-data/acme";
import type { DemoOrg } from "./demo-data/types";

export const ACME_PROFILE: OrgProfile = {
  legalName: "Acme Apparel Ltd",
  structure:
    "Acme Apparel Ltd is a private company registered in England and Wales, wholly owned by Acme Apparel Holdings Ltd. " +
    "It designs clothing and home textiles and sells them through 42 UK stores and online. It owns no factories: products " +
    "are made by independent suppliers in Bangladesh, India, Türkiye, Viet Nam and China, who in turn buy yarn, fabric and " +
    "trims from spinning mills, knitters and dye houses further down the chain. Acme Apparel Ireland Ltd runs the Irish stores.",
  headquartersCountry: "GB",
  sectors: ["Apparel retail", "Home textiles"],
  employees: 1850,
  turnoverBand: "100m-500m",
  turnoverCurrency: "GBP",
  financialYearEnd: "03-31",
  entities: [
    { name: "Acme Apparel Ltd", country: "GB", registrationNumber: "04839215" },
    { name: "Acme Apparel Ireland Ltd", country: "IE", registrationNumber: "612874" },
  ],
  policies: [
    {
      title: "Supplier Code of Conduct",
      adoptedOn: "2019-04-01",
      reviewedOn: "2025-09-15",
      summary:
        "Based on the ETI Base Code: no forced, bonded or child labour; no recruitment fees paid by workers; freedom of association; " +
        "living wages; suppliers disclose their own suppliers and subcontractors.",
      url: null,
    },
    {
      title: "Anti-Slavery and Human Trafficking Policy",
      adoptedOn: "2020-06-30",
      reviewedOn: "2026-06-12",
      summary:
        "Sets out how Acme identifies, prevents and remedies modern slavery in its own operations and supply chains, and who in " +
        "the business is responsible. Approved by the board each year.",
      url: null,
    },
  ],
  training: [
    { year: 2025, audience: "Buying and sourcing teams", topic: "Forced-labour indicators and responsible purchasing", people: 64 },
    {
      year: 2025,
      audience: "Tier-1 supplier managers (Bangladesh)",
      topic: "Recruitment fees and the Employer Pays Principle",
      people: 31,
    },
    { year: 2026, audience: "Buying and sourcing teams", topic: "Forced-labour indicators (refresher)", people: 58 },
    { year: 2026, audience: "Store managers", topic: "Spotting trafficking in logistics and cleaning contractors", people: 120 },
  ],
  consultation:
    "The draft statement was shared with the board of Acme Apparel Ireland Ltd and its head of operations, who reviewed the " +
    "description of the Irish stores and contractors; their comments were incorporated before the boards of both entities approved it.",
};

/** Stores the Acme profile for the Acme demo tenant (and its copies); other tenants get none. */
export async function seedDemoProfile(trx: Kysely<Database>, orgId: number, org: DemoOrg, now: number): Promise<void> {
  if (org.refPrefix !== ACME.refPrefix) return;
  await saveOrgProfile(trx, orgId, ACME_PROFILE, { expectedVersion: 0, userId: null, now: new Date(now).toISOString() });
}
