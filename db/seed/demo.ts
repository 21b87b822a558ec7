// Two fictional demo tenants with realistic, tiered supply chains, so a fresh install has something
// to look at. Every company, person and address here is invented; goods use the TVPRA list's
// spellings (tvpra-goods.csv) wherever the good is on the list, so risk scoring has data to match.
import type { Kysely } from "kysely";
import { computeTiers } from "~/domain/supply-chain/tiers";
import { normalizeName } from "~/domain/supply-chain/normalize";
import { hashPassword } from "~/lib/password.server";
import type { Database } from "../types";
import { ACME } from "./demo-data/acme";
import { BOREALIS } from "./demo-data/borealis";
import { CITY_CENTRES } from "./demo-data/city-centres";
import { seedDemoProfile } from "./demo-profile";
import { seedDemoScreening } from "./demo-screening";
import { seedDemoProducts } from "./demo-products";
import type { DemoOrg, DemoSupplier } from "./demo-data/types";

export const DEMO_PASSWORD = "lantern-demo";

export const DEMO_ORGS: readonly DemoOrg[] = [ACME, BOREALIS];

/** firstname.lastname@example.com, ASCII only ("Trần Văn Minh" → tran.van.minh@example.com). */
function demoEmail(name: string): string {
  return `${normalizeName(name).replace(/ /g, ".")}@example.com`;
}

/** A site near its city's centre; the offset (at most about 2.5 km) follows the supplier's number, so the seed is the same every time. */
export function demoSite(org: string, s: DemoSupplier): { latitude: number; longitude: number } {
  const centre = CITY_CENTRES[s.city];
  if (!centre) throw new Error(`Demo data for ${org}: no coordinates for ${s.city}`);
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { latitude: round(centre[0] + (((s.n * 37) % 11) - 5) * 0.004), longitude: round(centre[1] + (((s.n * 53) % 13) - 6) * 0.004) };
}

export const DAY = 86_400_000;

/**
 * Creates the demo tenants acme and borealis (3 users each, password `lantern-demo`) with their
 * supplier graphs. Does nothing and returns false when acme already exists, so it is safe to run on
 * every start.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  const exists = async (q: Kysely<Database>) =>
    (await q.selectFrom("organizations").select("id").where("slug", "=", ACME.slug).executeTakeFirst()) !== undefined;
  if (await exists(db)) return false;

  // argon2 is deliberately slow: hash once, outside the transaction, and share the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  // Backdate the tenants a year and spread supplier registrations over it, so "recently added"
  // lists and trend charts have something to show.
  const orgCreated = new Date(now - 365 * DAY).toISOString();

  return db.transaction().execute(async (trx) => {
    if (await exists(trx)) return false; // another process won the race

    for (const org of DEMO_ORGS) await insertDemoOrg(trx, org, { passwordHash, orgCreated, now });
    return true;
  });
}

/**
 * One demo tenant with its users (<login>@<slug>.test, sharing `passwordHash`) and supplier graph.
 * `org` may be a copy of a demo tenant under another slug (the e2e tests give each worker its own).
 */
export async function insertDemoOrg(
  trx: Kysely<Database>,
  org: DemoOrg,
  at: { passwordHash: string; orgCreated: string; now: number },
): Promise<number> {
  const { passwordHash, orgCreated, now } = at;
  const { id: orgId } = await trx
    .insertInto("organizations")
    .values({ slug: org.slug, name: org.name, created_at: orgCreated })
    .returning("id")
    .executeTakeFirstOrThrow();

  const users = await trx
    .insertInto("users")
    .values(
      org.users.map((u) => ({
        email: `${u.login}@${org.slug}.test`,
        name: u.name,
        password_hash: passwordHash,
        created_at: orgCreated,
        password_changed_at: orgCreated,
      })),
    )
    .returning(["id", "email"])
    .execute();
  await trx
    .insertInto("memberships")
    .values(
      org.users.map((u) => ({
        org_id: orgId,
        user_id: users.find((row) => row.email === `${u.login}@${org.slug}.test`)!.id,
        role: u.role,
        created_at: orgCreated,
      })),
    )
    .execute();

  await seedSuppliers(trx, orgId, org, now);
  await seedDemoProfile(trx, orgId, org, now);
  await seedDemoScreening(trx, orgId, org, now);
  await seedDemoProducts(trx, orgId, new Date(now - 7 * DAY).toISOString());
  return orgId;
}

async function seedSuppliers(trx: Kysely<Database>, orgId: number, org: DemoOrg, now: number): Promise<void> {
  const localLinks = org.suppliers.flatMap((s) => (s.buyers ?? []).map((b) => ({ supplierId: s.n, buyerId: b })));
  const tiers = computeTiers(
    org.suppliers.map((s) => s.n),
    localLinks,
  );
  for (const s of org.suppliers) {
    if (tiers.get(s.n) !== s.tier) {
      throw new Error(`Demo data for ${org.slug}: supplier ${s.n} is drawn as tier ${s.tier} but computes as ${tiers.get(s.n)}`);
    }
  }

  const ref = (n: number) => `${org.refPrefix}${String(n).padStart(4, "0")}`;
  const rows = org.suppliers.map((s, i) => {
    // Deeper tiers were mapped later: registration dates run from ~11 months ago to last week.
    const created = new Date(now - (330 - Math.round((i * 320) / org.suppliers.length)) * DAY).toISOString();
    return {
      org_id: orgId,
      external_ref: ref(s.n),
      name: s.name,
      name_norm: normalizeName(s.name),
      country: s.country,
      address: s.address,
      city: s.city,
      ...demoSite(org.slug, s),
      sector: s.sector,
      annual_spend: s.spend,
      currency: "USD",
      workers_count: s.workers,
      contact_name: s.contact,
      contact_email: demoEmail(s.contact),
      notes: s.notes ?? null,
      status: s.status ?? "active",
      tier: tiers.get(s.n) ?? null,
      created_at: created,
      updated_at: created,
      version: 1,
    } as const;
  });
  const inserted = await trx.insertInto("suppliers").values(rows).returning(["id", "external_ref"]).execute();
  const idOf = new Map(inserted.map((r) => [r.external_ref, r.id]));
  const id = (n: number) => {
    const found = idOf.get(ref(n));
    if (found === undefined) throw new Error(`Demo data for ${org.slug}: unknown supplier ${n}`);
    return found;
  };

  await trx
    .insertInto("supplier_goods")
    .values(org.suppliers.flatMap((s) => s.goods.map((good) => ({ org_id: orgId, supplier_id: id(s.n), good }))))
    .execute();
  const linkedAt = new Date(now - 7 * DAY).toISOString();
  await trx
    .insertInto("supplier_links")
    .values(localLinks.map((l) => ({ org_id: orgId, supplier_id: id(l.supplierId), buyer_id: id(l.buyerId), created_at: linkedAt })))
    .execute();
}
